namespace MriTransfer.Training.Settings;

/// <summary>
/// What every classifier stage (TrainHead, FineTune, TrainScratch) reads: <c>model.*</c>, <c>runtime.torch_threads</c>,
/// <c>train.seed</c> (default 0), <c>train.label_fraction</c> (0 &lt; f ≤ 1, default 1), and <c>classifier.*</c>:
/// epochs (1..10000, default 15), batch_size (1..512, default 8), patience (1..10000, default 6), monitor
/// (val_balanced_accuracy|val_loss), class_weighted (bool, default true: inverse-frequency class weights in the loss),
/// optimizer/lr (1e-3)/weight_decay/schedule/step_size/step_gamma, augment.*.
/// </summary>
public sealed record ClassifierSettings(
    ModelSettings Model, int Epochs, int BatchSize, int Patience, string Monitor, bool ClassWeighted,
    long Seed, double LabelFraction, OptimizerSettings Optimizer, AugmentationSettings Augment, RuntimeSettings Runtime)
{
    public static readonly string[] Monitors = ["val_balanced_accuracy", "val_loss"];

    public static ClassifierSettings Read(ParamReader p) => new(
        ModelSettings.Read(p),
        p.Int("classifier.epochs", 15, 1, 10000),
        p.Int("classifier.batch_size", 8, 1, 512),
        p.Int("classifier.patience", 6, 1, 10000),
        p.Choice("classifier.monitor", "val_balanced_accuracy", Monitors),
        p.Bool("classifier.class_weighted", true),
        p.Long("train.seed", 0),
        p.Double("train.label_fraction", 1.0, 0, 1, minExclusive: true),
        OptimizerSettings.Read(p, "classifier", defaultLr: 1e-3),
        AugmentationSettings.Read(p, "classifier"),
        RuntimeSettings.Read(p));

    public static ClassifierSettings Read(ParamSource source, string stage)
    {
        var p = new ParamReader(source);
        var settings = Read(p);
        p.ThrowIfAny(stage);
        return settings;
    }
}
