using Pipeline.Engine.Execution;
using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Cli;

/// <summary>What Gc must keep in a shared run cache for the other workspaces registered in it: every fingerprint their
/// pipeline.lock names. A registered workspace whose lock cannot be read keeps every entry (when in doubt, keep).</summary>
internal static class SharedCacheUsers
{
    /// <summary>Adds the other workspaces' fingerprints to <paramref name="keep"/>; returns how many workspaces were read.</summary>
    public static int Keep(RunCache cache, Workspace self, HashSet<string> keep)
    {
        var others = 0;
        foreach (var root in cache.RegisteredWorkspaces().Where(r => r != self.Root))
        {
            var lockPath = Path.Combine(root, "pipeline.lock");
            if (!Directory.Exists(root)) continue; // a workspace that was deleted names nothing any more
            try
            {
                foreach (var entry in LockFile.Load(lockPath, lockPath).Stages.Values) keep.Add(entry.Fingerprint);
                others++;
            }
            catch (Exception e) when (e is UsageException or IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"Gc: cannot read {lockPath} of another workspace sharing this run cache ({e.Message.Split('\n')[0]}); nothing was deleted. Fix or unregister it, or run Gc --shared to ignore other workspaces");
            }
        }
        return others;
    }
}
