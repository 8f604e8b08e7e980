using Pipeline.Engine.Execution;
using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Experiments;

/// <summary>What a finished run used: its params, the targets asked for, each instance's result and pipeline.lock after it.</summary>
internal sealed record RunFacts(
    string ParamsFile,
    string DefaultParamsFile,
    IReadOnlyList<ParamSpec> Schema,
    ParamValues Values,
    IReadOnlyList<string> Targets,
    IReadOnlyList<StageInstance> Instances,
    IReadOnlyList<StageResult> Results,
    LockFile Lock);

/// <summary>
/// Records a successful run as an experiment when its params differ from the baseline (<see cref="ParamsBaseline"/>):
/// the changes, every value in effect, the fingerprint each instance used and its metrics files (copies; at most
/// <see cref="MaxMetricsBytes"/> each). A run that ran and restored nothing used outputs an earlier run made, and a run
/// with the same params and fingerprints as a recorded experiment is that experiment: neither is recorded again.
/// </summary>
internal sealed class ExperimentRecorder(Workspace workspace, ExperimentStore store)
{
    public const long MaxMetricsBytes = 1 << 20;

    /// <summary>Returns what to tell the user (null when the run is no experiment).</summary>
    public string? Record(RunFacts run)
    {
        if (!run.Results.Any(r => r.Status is StageStatus.Done or StageStatus.Restored)) return null;
        var baseline = ParamsBaseline.Load(workspace, run.DefaultParamsFile, run.Schema);
        var now = ParamsBaseline.Canonical(run.Values);
        var changes = baseline.Changes(now);
        if (changes.Count == 0) return null;
        var results = run.Results.ToDictionary(r => r.Id, StringComparer.Ordinal);
        // a run is an experiment only when something it ran or restored is made from a changed value (e.g. not a
        // comparison page rendered while params.yaml holds an applied experiment's values)
        var affected = Affected(run.Instances, changes);
        if (!run.Instances.Any(i => affected.Contains(i.Id) && results[i.Id].Status is StageStatus.Done or StageStatus.Restored)) return null;
        var instances = new SortedDictionary<string, ExperimentInstance>(StringComparer.Ordinal);
        foreach (var instance in run.Instances)
            if (run.Lock[instance.Id] is { } entry)
                instances[instance.Id] = new ExperimentInstance(entry.Fingerprint, StageResultName.Of(results[instance.Id].Status), Math.Round(results[instance.Id].Elapsed.TotalSeconds, 3));
        var (records, _) = store.All();
        if (records.FirstOrDefault(r => Same(r, now, instances)) is { } same)
            return $"experiment {same.Id} has these params and results already; not recorded again";
        var metrics = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tooLarge = new List<string>();
        foreach (var instance in run.Instances.Where(i => instances.ContainsKey(i.Id)))
            foreach (var file in instance.Stage.MetricsPaths)
            {
                var source = workspace.Full($"{instance.OutputDir}/{file}");
                if (!File.Exists(source)) continue;
                if (new FileInfo(source).Length > MaxMetricsBytes) tooLarge.Add($"{instance.MetricsDir}/{file}");
                else metrics[$"{instance.MetricsDir}/{file}"] = source;
            }
        try
        {
            var id = store.Add(id => new ExperimentRecord(ExperimentRecord.CurrentVersion, id, DateTimeOffset.UtcNow, run.ParamsFile, baseline.Description,
                baseline.Commit, run.Targets, changes, now, instances, metrics.Keys.ToList()), metrics);
            return $"recorded as experiment {id} ({Summary(changes)}); ./build.sh Experiments compares it with the others"
                + (tooLarge.Count > 0 ? $"; not copied (over {MaxMetricsBytes >> 20} MiB): {string.Join(", ", tooLarge)}" : "");
        }
        catch (Exception e) when (FileSystemFault.Is(e) || e is IOException)
        {
            return $"warning: could not record this run as an experiment in {workspace.Relative(store.Folder)} ({e.Message}); its outputs are published and in the run cache";
        }
    }

    /// <summary>The instances that read a changed key (a declared key names its whole subtree; matrix keys count) or
    /// depend, directly or not, on one that does.</summary>
    private static HashSet<string> Affected(IReadOnlyList<StageInstance> instances, IReadOnlyList<ParamChange> changes)
    {
        bool Reads(string key) => changes.Any(c => c.Key == key || c.Key.StartsWith(key + ".", StringComparison.Ordinal));
        var affected = instances.Where(i => i.Stage.ParamKeys.Concat(i.Stage.Axes.SelectMany(a => a.Sets is null ? [a.Over] : new[] { a.Over, a.Sets })).Any(Reads))
            .Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var i in instances.Where(i => !affected.Contains(i.Id) && i.Inputs.Any(x => x.UpstreamId is { } up && affected.Contains(up))))
                grew |= affected.Add(i.Id);
        }
        return affected;
    }

    public static string Summary(IReadOnlyList<ParamChange> changes)
    {
        var shown = changes.Take(3).Select(c => $"{c.Key} {c.Old ?? "(unset)"} → {c.New ?? "(unset)"}");
        return string.Join(", ", shown) + (changes.Count > 3 ? $" and {changes.Count - 3} more" : "");
    }

    private static bool Same(ExperimentRecord r, IReadOnlyDictionary<string, string> now, IReadOnlyDictionary<string, ExperimentInstance> instances) =>
        r.Params.Count == now.Count && r.Params.All(p => now.GetValueOrDefault(p.Key) == p.Value)
        && r.Instances.Count == instances.Count && r.Instances.All(i => instances.TryGetValue(i.Key, out var mine) && mine.Fingerprint == i.Value.Fingerprint);

}
