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
        if (reasons.Count == 0) reasons.AddRange(OutputProblems(instance, entry, reader.Hasher, workspace));
        return reasons;
    }

    /// <summary>"output missing" when the folder is gone, else each declared output that is missing or changed.</summary>
    public static IEnumerable<string> OutputProblems(StageInstance instance, LockEntry entry, ContentHasher hasher, Workspace workspace)
    {
        var dir = workspace.Full(instance.OutputDir);
        if (!Directory.Exists(dir)) { yield return "output missing"; yield break; }
        foreach (var (name, output) in entry.Outputs)
        {
            var digest = hasher.HashPath(name == "." ? dir : Path.Combine(dir, name));
            if (digest is null) yield return $"output {name} missing";
            else if (digest.Hash != output.Hash) yield return $"output {name} changed";
        }
    }

    private static IEnumerable<string> ChangedFiles(DependencyState dep, LockDependency old, StateReader reader)
    {
        if (!dep.Digest!.IsFolder || reader.Manifest(old.Hash) is not { } before)
            return [$"dependency {dep.Path} changed"];
        var was = before.ToDictionary(f => f.RelativePath, f => f.Hash, StringComparer.Ordinal);
        var now = dep.Digest.Files.ToDictionary(f => f.RelativePath, f => f.Hash, StringComparer.Ordinal);
        var changed = now.Where(f => was.TryGetValue(f.Key, out var h) && h != f.Value).Select(f => $"dependency {dep.Path}/{f.Key} changed")
            .Concat(now.Keys.Except(was.Keys).Select(f => $"dependency {dep.Path}/{f} added"))
            .Concat(was.Keys.Except(now.Keys).Select(f => $"dependency {dep.Path}/{f} removed"))
            .Order(StringComparer.Ordinal).ToList();
        if (changed.Count == 0) return [$"dependency {dep.Path} changed"];
        return changed.Count <= MaxNamedFiles ? changed : changed.Take(MaxNamedFiles).Append($"and {changed.Count - MaxNamedFiles} more files of {dep.Path}");
    }
}
