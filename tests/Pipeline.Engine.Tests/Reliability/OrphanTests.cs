using System.Diagnostics;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Reliability;

/// <summary>No stage process outlives the engine, and a run never shares a resume folder with a live earlier process.</summary>
public sealed class OrphanTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Given_a_running_stage_with_a_child_when_the_engine_is_killed_with_sigkill_then_no_stage_process_survives()
    {
        _ws.WithScript("train", """sleep 60 & echo $! > sleep.pid; echo $$ > train.pid; wait""");
        using var engine = ToyHost.Start(_ws, nameof(ToyBuild), "Train", "--plain");
        Assert.True(ToyHost.WaitFor(_ws, "train.pid", TimeSpan.FromSeconds(30)), "the stage did not start");
        var stage = int.Parse(_ws.Read("train.pid").Trim());
        var child = int.Parse(_ws.Read("sleep.pid").Trim());

        Processes.Signal(engine.Id, "KILL");
        engine.WaitForExit();

        Assert.True(Processes.WaitUntilGone(stage, TimeSpan.FromSeconds(5)), $"stage process {stage} survived the engine");
        Assert.True(Processes.WaitUntilGone(child, TimeSpan.FromSeconds(5)), $"the stage's child {child} survived the engine");
    }

    /// <summary>Learns the fingerprint Train would run with (its resume folder's name) from a failing first run.</summary>
    private string TrainFingerprint()
    {
        _ws.Run(new ToyBuild(), "Prepare");
        _ws.WithScript("train", "echo \"$PIPELINE_FINGERPRINT\" > fingerprint.txt; [ -f fail ] && exit 1\n" + ToyStages.Train);
        _ws.Write("fail", "");
        _ws.Run(new ToyBuild(), "Train");
        File.Delete(_ws.PathOf("fail"));
        _ws.TakeRuns();
        return _ws.Read("fingerprint.txt").Trim();
    }

    private static Process Sleeper(int seconds) =>
        Process.Start(new ProcessStartInfo("setsid", ["sleep", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;

    [Fact]
    public void Given_a_live_process_of_an_earlier_run_in_the_resume_folder_when_it_stays_then_the_stage_refuses_naming_its_pid()
    {
        var fingerprint = TrainFingerprint();
        using var earlier = Sleeper(60);
        try
        {
            _ws.Write($".pipeline/resume/{fingerprint}.owner", $"{earlier.Id}\n");

            var (exit, output) = _ws.Run(new ToyBuild(), new EngineOptions { ResumeWait = TimeSpan.FromSeconds(1) }, "Train");

            Assert.Equal(2, exit);
            Assert.Contains($"Train failed: process {earlier.Id} of an earlier run still works in .pipeline/resume/{fingerprint}", output);
            Assert.Empty(_ws.TakeRuns());
        }
        finally { earlier.Kill(); }
    }

    [Fact]
    public void Given_a_live_process_of_an_earlier_run_in_the_resume_folder_when_it_ends_soon_then_the_stage_waits_and_runs()
    {
        var fingerprint = TrainFingerprint();
        using var earlier = Sleeper(1);
        _ws.Write($".pipeline/resume/{fingerprint}.owner", $"{earlier.Id}\n");

        var (exit, output) = _ws.Run(new ToyBuild(), new EngineOptions { ResumeWait = TimeSpan.FromSeconds(20) }, "Train");

        Assert.True(exit == 0, output);
        Assert.Contains($"waiting up to 20 s for process {earlier.Id} of an earlier run", output);
        Assert.Equal(["Train"], _ws.TakeRuns());
    }
}
