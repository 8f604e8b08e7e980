using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

public sealed class SchedulingTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    /// <summary>Two independent stages that each wait (up to 10 s) for the other to have started.</summary>
    private sealed class RendezvousBuild
    {
        Stage Left => _ => _.Command("bash", "meet.sh", "left", "right").Code("meet.sh");
        Stage Right => _ => _.Command("bash", "meet.sh", "right", "left").Code("meet.sh");
        Target Both => _ => _.DependsOn(Left, Right);
    }

    private const string Meet = """
        me="$1"; other="$2"; shift 2
        while [ $# -gt 0 ]; do case "$1" in --output) O="$2";; esac; shift 2; done
        touch "$me.started"
        for i in $(seq 100); do [ -f "$other.started" ] && break; sleep 0.1; done
        [ -f "$other.started" ] && echo met > "$O/met.txt"
        """;

    [Fact]
    public void Given_two_independent_stages_and_two_jobs_when_running_then_they_run_at_the_same_time()
    {
        _ws.Write("meet.sh", Meet);

        var (exit, output) = _ws.Run(new RendezvousBuild(), "Both", "--jobs", "2");

        Assert.True(exit == 0, output);
        Assert.True(_ws.Exists("out/Left/met.txt") && _ws.Exists("out/Right/met.txt"), output);
    }

    [Fact]
    public void Given_a_skipped_stage_with_an_output_when_running_then_it_does_not_run_and_its_dependents_use_that_output()
    {
        using var toy = new TempWorkspace().WithToyPipeline();
        toy.Run(new ToyBuild(), "Train");
        toy.TakeRuns();

        var (exit, output) = toy.Run(new ToyBuild(), "Train", "--skip", "Prepare", "--force", "Train");

        Assert.True(exit == 0, output);
        Assert.Equal(["Train"], toy.TakeRuns());
        Assert.Contains("Prepare: skipped — --skip", output);
    }

    [Fact]
    public void Given_a_skipped_stage_without_an_output_when_running_then_its_dependents_are_skipped_by_name()
    {
        using var toy = new TempWorkspace().WithToyPipeline();

        var (exit, output) = toy.Run(new ToyBuild(), "Train", "--skip", "Prepare");

        Assert.Equal(0, exit);
        Assert.Contains("Train: skipped — upstream Prepare was skipped and has no output", output);
        Assert.Empty(toy.TakeRuns());
    }
}
