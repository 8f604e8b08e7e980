using Pipeline.Engine.Hashing;
using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Execution;

/// <summary>The lock entry of a published output folder made from a stage state: the executor writes it after a run
/// or a restore, --repair-lock when out/ matches the run-cache entry of the current state.</summary>
internal static class LockEntries
{
    public static LockEntry From(StageInstance instance, StageState state, PathDigest folder, string dir, ContentHasher hasher, string machine)
    {
        var outputs = new SortedDictionary<string, LockOutput>(StringComparer.Ordinal);
        foreach (var name in DeclaredOutputs(instance))
        {
            var digest = hasher.HashPath(name == "." ? dir : Path.Combine(dir, name))
                ?? throw new InvalidOperationException($"published output {name} of {instance.Id} vanished");
            outputs[name] = new LockOutput(digest.Hash, digest.Size);
        }
        var deps = state.Dependencies.ToDictionary(d => d.Name, d => new LockDependency(d.Path, d.Digest!.Hash), StringComparer.Ordinal);
        return new LockEntry(state.Command, state.Fingerprint, state.Code.Parts, deps,
            state.Params.ToDictionary(p => p.Key, p => p.Value.Canonical, StringComparer.Ordinal),
            new Dictionary<string, string>(state.Environment, StringComparer.Ordinal), outputs, machine,
            new LockFolder(folder.Hash, folder.Size, folder.Files.Count));
    }

    /// <summary>Outputs, metrics and plots a stage declares ("." — the whole folder — when it declares none).</summary>
    public static IReadOnlyList<string> DeclaredOutputs(StageInstance instance)
    {
        var all = instance.Stage.OutputPaths.Concat(instance.Stage.MetricsPaths).Concat(instance.Stage.PlotPaths).Distinct().ToList();
        return all.Count > 0 ? all : ["."];
    }
}
