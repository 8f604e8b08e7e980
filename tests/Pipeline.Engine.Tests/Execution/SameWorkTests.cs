using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>Two instances with one fingerprint are the same work: it runs once, the other restores it from the run cache.</summary>
public sealed class SameWorkTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace()
        .WithScript("train", """sleep 1; echo "model of seed $(grep seed "$P" | tr -d ' ')" > "$O/model.txt" """)
        .Write("params.yaml", "pretrain:\n  seed: 0\ncurve:\n  pretrain_seeds: [0, 1]\n");

    public void Dispose() => _ws.Dispose();

    private sealed class TwinBuild
    {
        static readonly ParamSpec[] Schema =
        [
            ParamSpec.Int("pretrain.seed", "pretraining seed", min: 0),
            ParamSpec.IntList("curve.pretrain_seeds", "pretraining seeds", min: 0),
        ];

        Stage Pretrain => _ => _.Command("bash", "stages/train.sh").Code("stages/train.sh").Params("pretrain.seed").Outputs("model.txt");

        Stage PretrainCurve => _ => _.Command("bash", "stages/train.sh").Code("stages/train.sh").Params("pretrain.seed")
            .Matrix("pretrain_seed", over: "curve.pretrain_seeds", sets: "pretrain.seed")
            .Outputs("model.txt");

        Target All => _ => _.DependsOn(Pretrain, PretrainCurve);
    }

    [Fact]
    public void Given_a_stage_and_a_matrix_instance_with_the_same_fingerprint_when_run_in_parallel_then_the_work_runs_once_and_the_other_is_restored()
    {
        var (exit, output) = _ws.Run(new TwinBuild(), "All", "--jobs", "4");

        Assert.True(exit == 0, output);
        var runs = _ws.TakeRuns();
        Assert.Equal(2, runs.Count); // seed 1, and one of the two seed-0 instances
        Assert.Contains("PretrainCurve/pretrain_seed-1", runs);
        Assert.Equal("model of seed seed:0\n", _ws.Read("out/Pretrain/model.txt"));
        Assert.Equal(_ws.Read("out/Pretrain/model.txt"), _ws.Read("out/PretrainCurve/pretrain_seed-0/model.txt"));
        Assert.Matches(@"(?m)^  (Pretrain|PretrainCurve/pretrain_seed-0)\s+restored\s", output);
    }
}
