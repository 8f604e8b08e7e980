namespace MriTransfer.Training.Loop;

/// <summary>Whether a validation score is better than the best so far (what early stopping watches).</summary>
public delegate bool Monitor(ValidationScore candidate, ValidationScore best);

public static class Monitors
{
    /// <summary>A lower validation loss, by at least <paramref name="margin"/>.</summary>
    public static Monitor LowerLoss(double margin = 0) => (candidate, best) => candidate.Loss < best.Loss - margin;

    /// <summary>A validation loss below the best × (1 − <paramref name="fraction"/>): "flattened" means no such epoch for a while.</summary>
    public static Monitor LowerLossBy(double fraction) => (candidate, best) => candidate.Loss < best.Loss * (1 - fraction);

    /// <summary>A higher balanced accuracy, ties broken by a lower loss.</summary>
    public static Monitor HigherBalancedAccuracy { get; } = (candidate, best) =>
        candidate.BalancedAccuracy > best.BalancedAccuracy
        || (candidate.BalancedAccuracy == best.BalancedAccuracy && candidate.Loss < best.Loss);

    /// <summary>The monitor a classifier's params name: <c>val_loss</c> or <c>val_balanced_accuracy</c>.</summary>
    public static Monitor Named(string monitor) => monitor == "val_loss" ? LowerLoss() : HigherBalancedAccuracy;
}
