namespace Pipeline.Engine.Execution;

/// <summary>One stage instance's command, ready to run: the program and its arguments (--params, --output into the
/// empty staging folder, --input ...), the environment on top of the caller's, where its log goes and how many cores
/// it keeps busy. <see cref="Progress"/> receives its ::progress lines.</summary>
internal sealed record StageLaunch(
    string Id,
    string Program,
    IReadOnlyList<string> Args,
    string Staging,
    string LogFile,
    string ResumeDir,
    IReadOnlyDictionary<string, string> Environment,
    int Threads,
    Action<string> Progress);

/// <summary>How a stage command ended. <see cref="Failure"/> explains an end without the stage's own exit code (e.g. a
/// job that Slurm killed); <see cref="Where"/> names where it ran (e.g. "job 12 on node3"), <see cref="Machine"/> the
/// CPU of that machine for pipeline.lock.</summary>
internal sealed record StageOutcome(int ExitCode, string? Failure = null, bool BadInput = false, string? Where = null, string? Machine = null);

/// <summary>
/// Where a stage instance runs: the executor seam. The engine decides what runs (plan, fingerprints) and publishes
/// and records what a runner produced into the staging folder (publication, pipeline.lock, run cache); a runner only
/// runs the command and says how it ended, so none of that depends on which runner ran it.
/// </summary>
internal interface IStageRunner
{
    /// <summary>"local" or "slurm", for messages.</summary>
    string Name { get; }

    /// <summary>Whether stages share the --jobs cores of this machine (local) or the runner's scheduler places them (Slurm).</summary>
    bool UsesLocalCores { get; }

    /// <summary>Runs the command to its end; on cancellation it stops it (the caller then removes the staging folder).</summary>
    StageOutcome Run(StageLaunch launch, CancellationToken cancel);
}
