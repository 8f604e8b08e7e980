using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>A matrix stage whose axes include its matrix upstream's gets the upstream instance of its own values on them.</summary>
public sealed class MatrixMatchingTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace()
        .WithScript("encode", """echo "encoder of $(grep seed "$P" | tr -d ' ')" > "$O/encoder.txt" """)
        .WithScript("cell", """cat "${IN[encoder]}/encoder.txt" > "$O/cell.txt"; echo "inputs ${!IN[*]}" >> "$O/cell.txt"; grep -c seed "$P" >> "$O/cell.txt" || true """)
        .Write("params.yaml", """
            pretrain:
              seed: 0
            train:
              label_fraction: 1.0
            curve:
              pretrain_seeds: [0, 1]
              fractions: [0.25, 0.5]
            """);

    public void Dispose() => _ws.Dispose();

    private sealed class SeededBuild
    {
        static readonly ParamSpec[] Schema =
        [
            ParamSpec.Int("pretrain.seed", "pretraining seed", min: 0),
            ParamSpec.Double("train.label_fraction", "fraction of labelled data", min: 0, max: 1),
            ParamSpec.IntList("curve.pretrain_seeds", "pretraining seeds", min: 0),
            ParamSpec.DoubleList("curve.fractions", "label fractions", min: 0, max: 1),
        ];

        Stage Encoder => _ => _.Command("bash", "stages/encode.sh").Code("stages/encode.sh")
            .Params("pretrain.seed")
            .Matrix("pretrain_seed", over: "curve.pretrain_seeds", sets: "pretrain.seed")
            .Outputs("encoder.txt");

        Stage Cell => _ => _.Command("bash", "stages/cell.sh").Code("stages/cell.sh")
            .Input("encoder", Encoder)
            .Params("train.label_fraction")
            .Matrix("pretrain_seed", over: "curve.pretrain_seeds")
            .Matrix("fraction", over: "curve.fractions", sets: "train.label_fraction")
            .Outputs("cell.txt");
    }

    private sealed class UnanchoredBuild
    {
        static readonly ParamSpec[] Schema = [ParamSpec.IntList("curve.pretrain_seeds", "pretraining seeds", min: 0)];

        Stage Cell => _ => _.Command("bash", "stages/cell.sh").Code("stages/cell.sh")
            .Matrix("pretrain_seed", over: "curve.pretrain_seeds")
            .Outputs("cell.txt");
    }

    [Fact]
    public void Given_cells_over_pretrain_seeds_and_fractions_when_running_then_each_cell_reads_the_encoder_of_its_own_pretrain_seed_only()
    {
        var (exit, output) = _ws.Run(new SeededBuild(), "Cell");

        Assert.True(exit == 0, output);
        Assert.Equal(6, _ws.TakeRuns().Count);
        foreach (var seed in new[] { 0, 1 })
            foreach (var fraction in new[] { "0.25", "0.5" })
                // (an axis without a params key picks the input's instance and puts nothing in the cell's params)
                Assert.Equal($"encoder of seed:{seed}\ninputs encoder\n0\n", _ws.Read($"out/Cell/pretrain_seed-{seed}_fraction-{fraction}/cell.txt"));
    }

    [Fact]
    public void Given_an_axis_that_sets_no_key_and_has_no_matrix_input_when_planning_then_the_declaration_is_refused_naming_the_axis()
    {
        _ws.Write("params.yaml", "curve:\n  pretrain_seeds: [0, 1]\n");

        var (exit, output) = _ws.Run(new UnanchoredBuild(), "Cell", "--dry-run");

        Assert.NotEqual(0, exit);
        Assert.Contains("stage Cell matrix axis 'pretrain_seed' sets no params key, so one of its inputs must be a matrix stage with that axis", output);
    }
}
