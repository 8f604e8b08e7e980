using Pipeline.Engine.Execution;
using Pipeline.Engine.Locking;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>
/// --repair-lock: rebuilds pipeline.lock from what is really there, without reading the old lock. An instance's entry
/// comes back when its published folder in out/ is byte for byte a run-cache entry: the entry of the current state's
/// fingerprint (then the output was made from exactly the current code, data and params), else the entry the cache kept
/// for that instance with the same content (made from an older state: the instance shows as stale, saying why). An
/// output that matches no cache entry cannot be vouched for: it gets no entry and runs again.
/// </summary>
internal sealed class LockRepair(Workspace workspace, StateReader reader, RunCache cache, IAnsiConsole console)
{
    public int Run(IReadOnlyList<StageInstance> instances)
    {
        KeepDamaged();
        var byContent = cache.Fingerprints()
            .Select(fp => (fp, folder: cache.FolderOf(fp)))
            .Where(x => x.folder is not null)
            .ToLookup(x => x.folder!.Hash, x => x.fp, StringComparer.Ordinal);
        var rebuilt = new LockFile();
        var unmatched = new List<string>();
        var absent = 0;
        foreach (var instance in instances)
        {
            var dir = workspace.Full(instance.OutputDir);
            if (reader.Digest(instance.OutputDir) is not { IsFolder: true } folder) { absent++; continue; }
            var state = reader.Read(instance);
            LockEntry? entry = null;
            if (!state.Missing.Any() && cache.FolderOf(state.Fingerprint)?.Hash == folder.Hash)
                entry = LockEntries.From(instance, state, folder, dir, reader.Hasher, cache.MachineOf(state.Fingerprint));
            entry ??= byContent[folder.Hash].Select(cache.EntryOfInstance(instance.Id)).FirstOrDefault(e => e is not null);
            if (entry is null) { unmatched.Add(instance.OutputDir); continue; }
            reader.KeepManifest(folder);
            rebuilt.Set(instance.Id, entry);
        }
        rebuilt.Save(workspace.LockFile);
        console.WriteLine($"pipeline.lock rebuilt from out/ and the run cache: {rebuilt.Stages.Count} of {instances.Count} stage instance(s) have an entry"
            + (absent > 0 ? $"; {absent} have no output in out/ yet" : ""));
        if (unmatched.Count > 0)
            console.WriteLine($"no run-cache entry holds exactly what is in {string.Join(", ", unmatched)}: they will run again");
        return Engine.Ok;
    }

    /// <summary>The old lock is kept as .pipeline/damaged.lock for a look, not used.</summary>
    private void KeepDamaged()
    {
        if (!File.Exists(workspace.LockFile)) return;
        Directory.CreateDirectory(workspace.State);
        File.Copy(workspace.LockFile, Path.Combine(workspace.State, "damaged.lock"), overwrite: true);
        console.WriteLine("the old pipeline.lock is kept as .pipeline/damaged.lock");
    }
}
