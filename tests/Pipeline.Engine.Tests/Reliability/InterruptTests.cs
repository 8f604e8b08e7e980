using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Reliability;

/// <summary>Ctrl-C or SIGTERM of a real engine process: the running stage stops, the summary is printed, exit 130.</summary>
public sealed class InterruptTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline()
        .WithScript("train", "echo $$ > train.pid; sleep 60");

    public void Dispose() => _ws.Dispose();

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Given_a_running_stage_when_the_engine_gets_a_signal_then_it_stops_the_stage_prints_the_summary_and_exits_130(string signal)
    {
        using var engine = ToyHost.Start(_ws, nameof(ToyBuild), "Train", "--plain");
        var stdout = engine.StandardOutput.ReadToEndAsync();
        Assert.True(ToyHost.WaitFor(_ws, "train.pid", TimeSpan.FromSeconds(30)), "the stage did not start");
        var stagePid = int.Parse(_ws.Read("train.pid").Trim());

        Processes.Signal(engine.Id, signal);

        Assert.True(engine.WaitForExit(TimeSpan.FromSeconds(20)), "the engine did not stop");
        var output = stdout.Result;
        Assert.Equal(130, engine.ExitCode);
        Assert.Matches(@"\n  Train +failed +[0-9:.]+ +exit code [0-9]+ \(interrupted\)", output);
        Assert.Contains("interrupted: stopped the running stages", output);
        Assert.True(Processes.WaitUntilGone(stagePid, TimeSpan.FromSeconds(5)), $"stage process {stagePid} survived");
        Assert.False(_ws.Exists("out/Train"));
        Assert.Empty(Directory.GetFileSystemEntries(_ws.PathOf("out/.staging")));
        Assert.DoesNotContain("Train:", _ws.Read("pipeline.lock"));
    }
}
