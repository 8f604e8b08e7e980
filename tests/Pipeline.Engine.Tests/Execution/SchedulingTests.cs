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

    /// <summary>The same two stages, each keeping as many cores busy as params key <c>cores</c> says.</summary>
    private sealed class WideRendezvousBuild
    {
        static readonly ParamSpec[] Schema = [ParamSpec.Int("cores", "threads of each stage", min: 1)];
        Stage Left => _ => _.Command("bash", "meet.sh", "left", "right").Code("meet.sh").Params("cores").Threads("cores");
        Stage Right => _ => _.Command("bash", "meet.sh", "right", "left").Code("meet.sh").Params("cores").Threads("cores");
        Target Both => _ => _.DependsOn(Left, Right);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Given_two_jobs_when_each_stage_declares_threads_then_they_share_the_cores_without_oversubscribing(int cores, bool together)
    {
        _ws.Write("meet.sh", Overlap).Write("params.yaml", $"cores: {cores}\n");

        var (exit, output) = _ws.Run(new WideRendezvousBuild(), "Both", "--jobs", "2");

        Assert.True(exit == 0, output);
        var expected = together ? "overlapped" : "alone";
        Assert.True(_ws.Read("out/Left/met.txt").Trim() == expected && _ws.Read("out/Right/met.txt").Trim() == expected, output);
    }

    /// <summary>Runs for up to 1.5 s and writes whether the other stage was running meanwhile.</summary>
    private const string Overlap = """
        me="$1"; other="$2"; shift 2
        while [ $# -gt 0 ]; do case "$1" in --output) O="$2";; esac; shift 2; done
        touch "$me.running"; seen=alone
        for i in $(seq 30); do [ -f "$other.running" ] && { seen=overlapped; sleep 0.5; break; }; sleep 0.05; done
        rm -f "$me.running"
        echo "$seen" > "$O/met.txt"
        """;

    private sealed class BadThreadsBuild
    {
        static readonly ParamSpec[] Schema = [ParamSpec.Int("cores", "threads", min: 1), ParamSpec.String("name", "a name")];
        Stage Unread => _ => _.Command("bash", "x.sh").Threads("cores");
        Stage NotInt => _ => _.Command("bash", "x.sh").Params("name").Threads("name");
    }

    [Fact]
    public void Given_threads_from_an_unread_or_non_integer_key_when_running_then_both_mistakes_are_named()
    {
        _ws.Write("params.yaml", "cores: 1\nname: x\n");

        var (exit, output) = _ws.Run(new BadThreadsBuild(), "Unread");

        Assert.Equal(2, exit);
        Assert.Contains("stage Unread takes its threads from 'cores', which must be an integer params key the stage also reads", output);
        Assert.Contains("stage NotInt takes its threads from 'name'", output);
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
