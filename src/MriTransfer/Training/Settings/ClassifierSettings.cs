namespace MriTransfer.Training.Settings;

/// <summary>
/// <c>classifier.*</c> besides the optimizer: the loop of TrainHead (and TrainScratch's budget), the early-stopping signal
/// (val_balanced_accuracy | val_loss), class-weighted cross-entropy, augmentation.
/// </summary>
public sealed record ClassifierOptions(int Epochs, int BatchSize, int Patience, string Monitor, bool ClassWeighted, AugmentationSettings Augment);

/// <summary>What every encoder classifier stage reads: <c>model.*</c>, <c>classifier.*</c>, <c>train.*</c>, <c>runtime.*</c>.</summary>
public sealed record ClassifierSettings(
    ModelSettings Model, ClassifierOptions Classifier, OptimizerSettings Optimizer, TrainSettings Train, RuntimeSettings Runtime);
