using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Cli;

/// <summary>The declarations shown in README.md ("Declaring the pipeline") compile and expand as documented (planned, not run).</summary>
public sealed class DocumentedExampleTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private sealed class DocBuild
    {
        static readonly ParamSpec[] Schema =
        [
            ParamSpec.Double("pretrain.lr", "Adam learning rate of the autoencoder", min: 1e-6, max: 1),
            ParamSpec.Int("model.base_channels", "channels of the first encoder block", min: 1, max: 256),
            ParamSpec.Int("train.seed", "seed of every random choice in training", min: 0),
            ParamSpec.Double("train.label_fraction", "fraction of the labelled BT train set used", min: 0, max: 1),
            ParamSpec.DoubleList("learning_curve.fractions", "label fractions of the learning curve", min: 0, max: 1),
            ParamSpec.IntList("learning_curve.seeds", "seeds of the learning curve", min: 0),
            ParamSpec.String("report.title", "title of the report").Optional(),
        ];

        Stage PreprocessAd => _ => _.Project("stages/Preprocess").Input("raw", "data/ad").Outputs("index.csv");
        Stage PreprocessBt => _ => _.Project("stages/Preprocess").Input("raw", "data/bt").Outputs("index.csv");

        Stage Pretrain => _ => _
            .Description("Pretrains the convolutional autoencoder on the AD cohort")
            .Project("stages/Pretrain")
            .Input("cohort", PreprocessAd)
            .Params("pretrain", "model", "train.seed")
            .Outputs("autoencoder.pt")
            .Metrics("metrics.json")
            .Plots("history.csv");

        Stage HeadCurve => _ => _
            .Description("Frozen encoder + head at each label fraction and seed")
            .Project("stages/TrainHead")
            .Input("cohort", PreprocessBt)
            .Input("encoder", Pretrain)
            .Params("model")
            .Matrix("fraction", over: "learning_curve.fractions", sets: "train.label_fraction")
            .Matrix("seed", over: "learning_curve.seeds", sets: "train.seed")
            .Outputs("model.pt");

        Stage LearningCurvePlot => _ => _
            .Description("Balanced accuracy against label fraction, over seeds")
            .Project("stages/LearningCurve")
            .Input("runs", HeadCurve)
            .Outputs("learning_curve.png");

        Target LearningCurve => _ => _.Description("The learning curve").DependsOn(LearningCurvePlot);
        Target Report => _ => _.Description("Everything").DependsOn(LearningCurve).DependsOn(Pretrain);
    }

    [Fact]
    public void Given_the_documented_example_when_planning_then_the_matrix_expands_into_the_cross_product_feeding_the_aggregate()
    {
        _ws.Write("params.yaml", """
            pretrain: { lr: 0.001 }
            model: { base_channels: 16 }
            train: { seed: 1, label_fraction: 1.0 }
            learning_curve: { fractions: [0.1, 0.5], seeds: [1, 2, 3] }
            """);

        var (exit, output) = _ws.Run(new DocBuild(), "Report", "--plan");

        Assert.True(exit == 0, output);
        Assert.Contains("HeadCurve ×6 (fraction × seed)  [stages/TrainHead]  <- PreprocessBt, Pretrain", output);
        Assert.Contains("HeadCurve -->|runs| LearningCurvePlot", _ws.Read(".pipeline/plan.mmd"));
    }
}
