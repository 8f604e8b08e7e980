namespace MriTransfer.Training.Settings;

/// <summary>
/// <c>classifier.*</c> besides the optimizer, shared by every encoder arm (TrainHead, FineTune, TrainScratch): epochs and
/// linear warm-up, batch size, the early-stopping signal (val_balanced_accuracy | val_loss), class-weighted
/// cross-entropy, augmentation, and the grid TrainHead's and TrainScratch's lr is chosen from on BT val
/// (<c>classifier.lr_grid</c>; empty = <c>classifier.lr</c>).
/// </summary>
public sealed record ClassifierOptions(
    int Epochs, int WarmupEpochs, int BatchSize, int Patience, string Monitor, bool ClassWeighted, AugmentationSettings Augment,
    IReadOnlyList<double> LrGrid);

/// <summary>What every encoder classifier stage reads: <c>model.*</c>, <c>classifier.*</c>, <c>train.*</c>, <c>runtime.*</c>.</summary>
public sealed record ClassifierSettings(
    ModelSettings Model, ClassifierOptions Classifier, OptimizerSettings Optimizer, TrainSettings Train, RuntimeSettings Runtime);

/// <summary>
/// <c>head.*</c>, TrainHead's own: <c>head.adapt_norm</c> re-estimates a batch-norm encoder's running statistics on the
/// BT train volumes before it is frozen (AdaBN); off = the frozen encoder keeps its pretraining statistics.
/// </summary>
public sealed record HeadOptions(bool AdaptNorm);
