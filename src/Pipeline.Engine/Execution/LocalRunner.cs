namespace Pipeline.Engine.Execution;

/// <summary>Runs stages as local processes (through the launcher, so they die with the engine), one resume folder per
/// live process: the default executor.</summary>
internal sealed class LocalRunner(Workspace workspace, TimeSpan resumeWait, Action<string> note) : IStageRunner
{
    public string Name => "local";

    public bool UsesLocalCores => true;

    public StageOutcome Run(StageLaunch launch, CancellationToken cancel)
    {
        var guard = new ResumeGuard(launch.ResumeDir, resumeWait, note);
        if (guard.Claim() is { } busy) return new StageOutcome(2, busy, BadInput: true);
        try
        {
            var exit = StageProcess.Run(workspace, launch.Program, launch.Args, launch.Id, launch.LogFile,
                launch.Environment, launch.Progress, guard.Record, cancel);
            return new StageOutcome(exit, Machine: MachineDescription.Cpu);
        }
        finally { guard.Release(); }
    }
}
