namespace Pipeline.Engine.Execution;

/// <summary>How a run goes. <see cref="RestoreOnly"/> (Experiments apply): stale instances are restored from the run
/// cache or skipped, never run or built.</summary>
internal sealed record RunOptions(int Jobs, bool DryRun, IReadOnlySet<string> Force, IReadOnlySet<string> Skip, bool NoRunCache, bool RestoreOnly = false)
{
    public bool Forces(StageInstance i) => Force.Contains(i.Stage.Name) || Force.Contains(i.Id);
    public bool Skips(StageInstance i) => Skip.Contains(i.Stage.Name) || Skip.Contains(i.Id);
}

/// <summary>What happened to an instance. <see cref="BlockedBy"/> is set when it was skipped because something upstream
/// did not succeed in this run (the root cause, e.g. "upstream Prepare failed"); its dependents are skipped with it.</summary>
internal sealed record StageResult(string Id, StageStatus Status, string Detail, TimeSpan Elapsed, bool BadInput = false, string? BlockedBy = null)
{
    /// <summary>Where it ran when the runner says (e.g. "job 12 on node3"); shown in the summary.</summary>
    public string? Where { get; init; }
}
