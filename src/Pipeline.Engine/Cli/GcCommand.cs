using Pipeline.Engine.Execution;
using Pipeline.Engine.Experiments;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Locking;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>
/// <c>./build.sh Gc</c>: deletes run-cache entries nothing names — not pipeline.lock, not a recorded experiment (unless
/// <c>--experiments</c>: then only the lock counts, and the experiments stay listed without their outputs), and in a
/// shared cache not another registered workspace's lock (unless <c>--shared</c>) — and folder manifests no lock entry
/// refers to.
/// </summary>
internal sealed class GcCommand(Workspace workspace, CliArguments cli, IAnsiConsole console, Func<LockFile> loadLock)
{
    public int Run()
    {
        using var workspaceLock = WorkspaceLock.Acquire(workspace, n => console.MarkupLine("[yellow]note:[/] " + Markup.Escape(n)));
        var lockFile = loadLock();
        var keep = lockFile.Stages.Values.Select(e => e.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var experiments = 0;
        if (!cli.Experiments)
        {
            var needed = new ExperimentStore(workspace).Fingerprints();
            experiments = needed.Count(fp => !keep.Contains(fp) && RunCache.Has(workspace, fp));
            keep.UnionWith(needed);
        }
        var hasher = new ContentHasher(StatCache.Load(workspace.StatCache, _ => { }), Environment.ProcessorCount);
        var runCache = new RunCache(workspace, hasher, w => console.WriteLine(w));
        var others = workspace.SharedCache && !cli.Shared ? SharedCacheUsers.Keep(runCache, workspace, keep) : 0;
        var (entries, bytes) = runCache.Collect(keep);
        if (others > 0) console.WriteLine($"Gc: kept the entries {others} other workspace(s) sharing {workspace.RunCache} still name (Gc --shared deletes them too)");
        if (experiments > 0) console.WriteLine($"Gc: kept {experiments} entr{(experiments == 1 ? "y" : "ies")} only recorded experiments need, so Experiments apply restores them (Gc --experiments deletes them too)");
        var (manifests, manifestBytes) = PruneManifests(lockFile);
        console.WriteLine($"Gc: removed {entries} run-cache entr{(entries == 1 ? "y" : "ies")} not referenced by pipeline.lock{(cli.Experiments ? "" : " or an experiment")}, freed {RunCache.FormatBytes(bytes)}"
            + (manifests > 0 ? $"; removed {manifests} old folder manifest(s), {RunCache.FormatBytes(manifestBytes)}" : ""));
        return Engine.Ok;
    }

    /// <summary>Folder manifests (kept to name changed files) that no lock entry refers to any more.</summary>
    private (int Count, long Bytes) PruneManifests(LockFile lockFile)
    {
        if (!Directory.Exists(workspace.Manifests)) return (0, 0);
        var keep = lockFile.Stages.Values.SelectMany(e => e.Dependencies.Values.Select(d => d.Hash).Append(e.Folder?.Hash ?? ""))
            .Select(h => h + ".tsv").ToHashSet(StringComparer.Ordinal);
        var (count, bytes) = (0, 0L);
        foreach (var file in Directory.EnumerateFiles(workspace.Manifests).Where(f => !keep.Contains(Path.GetFileName(f))).ToList())
        {
            bytes += new FileInfo(file).Length;
            File.Delete(file);
            count++;
        }
        return (count, bytes);
    }
}
