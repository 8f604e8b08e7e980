using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>Each stage process is told its core share: OMP_NUM_THREADS and MKL_NUM_THREADS are its .Threads value, else 1.</summary>
public sealed class CoreShareTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace()
        .WithScript("share", """echo "$OMP_NUM_THREADS $MKL_NUM_THREADS" > "$O/share.txt" """)
        .Write("params.yaml", "cores: 3\n");

    public void Dispose() => _ws.Dispose();

    private sealed class ShareBuild
    {
        static readonly ParamSpec[] Schema = [ParamSpec.Int("cores", "threads of the wide stage", min: 1)];
        Stage Wide => _ => _.Command("bash", "stages/share.sh").Code("stages/share.sh").Params("cores").Threads("cores").Outputs("share.txt");
        Stage Narrow => _ => _.Command("bash", "stages/share.sh").Code("stages/share.sh").Outputs("share.txt");
        Stage Pinned => _ => _.Command("bash", "stages/share.sh").Code("stages/share.sh").Params("cores").Threads("cores")
            .Environment("OMP_NUM_THREADS", "4").Outputs("share.txt");
        Target All => _ => _.DependsOn(Wide, Narrow, Pinned);
    }

    [Fact]
    public void Given_stages_with_and_without_threads_when_running_then_each_is_told_its_threads_whatever_the_caller_set()
    {
        Environment.SetEnvironmentVariable("OMP_NUM_THREADS", "16");
        try
        {
            var (exit, output) = _ws.Run(new ShareBuild(), "All", "--jobs", "2");

            Assert.True(exit == 0, output);
            Assert.Equal("3 3", _ws.Read("out/Wide/share.txt").Trim()); // its .Threads value, also above --jobs: results never depend on --jobs
            Assert.Equal("1 1", _ws.Read("out/Narrow/share.txt").Trim());
            Assert.Equal("4 3", _ws.Read("out/Pinned/share.txt").Trim()); // a declared variable wins
        }
        finally { Environment.SetEnvironmentVariable("OMP_NUM_THREADS", null); }
    }

    [Fact]
    public void Given_a_finished_run_when_only_the_core_share_would_differ_then_nothing_reruns()
    {
        _ws.Run(new ShareBuild(), "All", "--jobs", "2");
        _ws.TakeRuns();

        var (exit, output) = _ws.Run(new ShareBuild(), "All", "--jobs", "1");

        Assert.True(exit == 0, output);
        Assert.Empty(_ws.TakeRuns());
    }
}
