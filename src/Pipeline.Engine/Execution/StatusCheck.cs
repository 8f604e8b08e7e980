using Pipeline.Engine.Hashing;
using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Execution;

/// <summary>Why a stage instance is stale, cheapest check first: never run, command, params, environment, code,
/// dependencies, then outputs. An empty list means up to date.</summary>
internal static class StatusCheck
{
    private const int MaxNamedFiles = 5;

    public static List<string> Reasons(StageInstance instance, StageState state, LockEntry? entry, StateReader reader, Workspace workspace)
    {
        if (entry is null) return ["never run"];
        var reasons = new List<string>();
        if (entry.Command != state.Command) reasons.Add($"command changed: {entry.Command} → {state.Command}");
        foreach (var key in entry.Params.Keys.Union(state.Params.Keys).Order(StringComparer.Ordinal))
        {
            var old = entry.Params.GetValueOrDefault(key);
            var now = state.Params.GetValueOrDefault(key)?.Canonical;
            if (old != now) reasons.Add($"params {key}: {old ?? "(none)"} → {now ?? "(none)"}");
        }
        foreach (var name in entry.Environment.Keys.Union(state.Environment.Keys).Order(StringComparer.Ordinal))
        {
            var old = entry.Environment.GetValueOrDefault(name);
            var now = state.Environment.GetValueOrDefault(name);
            if (old != now) reasons.Add($"environment {name}: {old ?? "(none)"} → {now ?? "(none)"}");
        }
        foreach (var part in entry.Code.Keys.Union(state.Code.Parts.Keys).Order(StringComparer.Ordinal))
            if (entry.Code.GetValueOrDefault(part) != state.Code.Parts.GetValueOrDefault(part))
                reasons.Add(part == "packages" ? "package versions changed" : $"code of {part} changed");
        foreach (var dep in state.Dependencies)
        {
            if (!entry.Dependencies.TryGetValue(dep.Name, out var old)) { reasons.Add($"new dependency {dep.Path}"); continue; }
            if (old.Path != dep.Path) { reasons.Add($"dependency '{dep.Name}' now {dep.Path} (was {old.Path})"); continue; }
            if (dep.Digest is not null && old.Hash != dep.Digest.Hash) reasons.AddRange(ChangedFiles(dep, old, reader));
        }
        foreach (var name in entry.Dependencies.Keys.Except(state.Dependencies.Select(d => d.Name)).Order(StringComparer.Ordinal))
            reasons.Add($"dependency {entry.Dependencies[name].Path} removed");
        if (reasons.Count == 0) reasons.AddRange(OutputProblems(instance, entry, reader, workspace));
        return reasons;
    }

    /// <summary>"output missing" when the folder is gone; else every file of the published folder is checked against
    /// the lock's folder hash (cheap: the stat cache), naming each changed, added or missing file. An entry without a
    /// folder hash (an old lock) checks its declared outputs only.</summary>
    public static IEnumerable<string> OutputProblems(StageInstance instance, LockEntry entry, StateReader reader, Workspace workspace)
    {
        var dir = workspace.Full(instance.OutputDir);
        if (!Directory.Exists(dir)) return ["output missing"];
        if (entry.Folder is { } folder)
        {
            var now = reader.Digest(instance.OutputDir);
            if (now is null) return ["output missing"];
            return now.Hash == folder.Hash ? [] : NamedChanges("output ", now, reader.Manifest(folder.Hash), $"output folder {instance.OutputDir} changed");
        }
        var problems = new List<string>();
        foreach (var (name, output) in entry.Outputs)
        {
            var digest = reader.Hasher.HashPath(name == "." ? dir : Path.Combine(dir, name));
            if (digest is null) problems.Add($"output {name} missing");
            else if (digest.Hash != output.Hash) problems.Add($"output {name} changed");
        }
        return problems;
    }

    /// <summary>The files of a folder that changed, were added or are missing against an earlier manifest, at most
    /// <see cref="MaxNamedFiles"/> of them by name; <paramref name="fallback"/> when the earlier manifest is unknown.</summary>
    private static List<string> NamedChanges(string prefix, PathDigest now, IReadOnlyList<FileEntry>? before, string fallback)
    {
        if (before is null) return [fallback];
        var was = before.ToDictionary(f => f.RelativePath, f => f.Hash, StringComparer.Ordinal);
        var current = now.Files.ToDictionary(f => f.RelativePath, f => f.Hash, StringComparer.Ordinal);
        var changed = current.Where(f => was.TryGetValue(f.Key, out var h) && h != f.Value).Select(f => $"{prefix}{f.Key} changed")
            .Concat(current.Keys.Except(was.Keys).Select(f => $"{prefix}{f} added"))
            .Concat(was.Keys.Except(current.Keys).Select(f => $"{prefix}{f} {(prefix.StartsWith("output", StringComparison.Ordinal) ? "missing" : "removed")}"))
            .Order(StringComparer.Ordinal).ToList();
        if (changed.Count == 0) return [fallback];
        return changed.Count <= MaxNamedFiles ? changed : [.. changed.Take(MaxNamedFiles), $"and {changed.Count - MaxNamedFiles} more files"];
    }

    private static IEnumerable<string> ChangedFiles(DependencyState dep, LockDependency old, StateReader reader)
    {
        if (!dep.Digest!.IsFolder) return [$"dependency {dep.Path} changed"];
        var changes = NamedChanges($"dependency {dep.Path}/", dep.Digest, reader.Manifest(old.Hash), $"dependency {dep.Path} changed");
        if (changes.Count > MaxNamedFiles) changes[^1] += $" of {dep.Path}";
        return changes;
    }
}
