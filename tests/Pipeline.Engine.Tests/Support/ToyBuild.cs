namespace Pipeline.Engine.Tests.Support;

/// <summary>
/// The toy pipeline of the engine tests: raw → Prepare → Train, raw → Other (an unrelated branch),
/// Prepare → Curve (matrix over curve.fractions) → Aggregate (all instances).
/// </summary>
public class ToyBuild
{
    /// <summary>The toy params schema, shared with <see cref="ExperimentBuild"/>.</summary>
    internal static readonly ParamSpec[] Schema =
    [
        ParamSpec.Int("prep.factor", "how much to prepare", min: 1, max: 10),
        ParamSpec.Double("train.lr", "learning rate", min: 0, max: 1),
        ParamSpec.Int("train.seed", "seed of every random choice", min: 0),
        ParamSpec.Double("train.label_fraction", "fraction of labelled data", min: 0, max: 1),
        ParamSpec.String("other.name", "a name"),
        ParamSpec.DoubleList("curve.fractions", "label fractions of the learning curve", min: 0, max: 1),
    ];

    Stage Prepare => _ => _
        .Description("Prepares the raw data")
        .Command("bash", "stages/prepare.sh").Code("stages/prepare.sh")
        .Input("raw", "data/raw")
        .Params("prep")
        .Outputs("clean.txt");

    Stage Train => _ => _
        .Description("Trains on the prepared data")
        .Command("bash", "stages/train.sh").Code("stages/train.sh")
        .Input("clean", Prepare)
        .Params("train.lr", "train.seed")
        .Outputs("model.txt")
        .Metrics("metrics.json");

    Stage Other => _ => _
        .Description("An unrelated branch")
        .Command("bash", "stages/other.sh").Code("stages/other.sh")
        .Input("raw", "data/raw")
        .Params("other.name")
        .Outputs("other.txt");

    Stage Curve => _ => _
        .Description("One point of the learning curve per label fraction")
        .Command("bash", "stages/point.sh").Code("stages/point.sh")
        .Input("clean", Prepare)
        .Params("train.seed")
        .Matrix("fraction", over: "curve.fractions", sets: "train.label_fraction")
        .Outputs("point.txt");

    Stage Aggregate => _ => _
        .Description("Collects every point of the curve")
        .Command("bash", "stages/aggregate.sh").Code("stages/aggregate.sh")
        .Input("points", Curve)
        .Outputs("summary.txt");

    Target All => _ => _
        .Description("Everything")
        .DependsOn(Train, Other, Aggregate);
}
