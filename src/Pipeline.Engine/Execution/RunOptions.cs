namespace Pipeline.Engine.Execution;

internal sealed record RunOptions(int Jobs, bool DryRun, IReadOnlySet<string> Force, IReadOnlySet<string> Skip, bool NoRunCache)
{
    /// <summary>How long a stage waits for a live process of an earlier run that still works in its resume folder.</summary>
    public TimeSpan ResumeWait { get; init; } = TimeSpan.FromSeconds(30);

    public bool Forces(StageInstance i) => Force.Contains(i.Stage.Name) || Force.Contains(i.Id);
    public bool Skips(StageInstance i) => Skip.Contains(i.Stage.Name) || Skip.Contains(i.Id);
}

/// <summary>What happened to an instance. <see cref="BlockedBy"/> is set when it was skipped because something upstream
/// did not succeed in this run (the root cause, e.g. "upstream Prepare failed"); its dependents are skipped with it.</summary>
internal sealed record StageResult(string Id, StageStatus Status, string Detail, TimeSpan Elapsed, bool BadInput = false, string? BlockedBy = null);
