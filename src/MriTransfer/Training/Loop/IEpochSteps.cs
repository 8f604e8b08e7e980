namespace MriTransfer.Training.Loop;

/// <summary>A validation result: the loss, and the balanced accuracy when the model classifies.</summary>
public sealed record ValidationScore(double Loss, double? BalancedAccuracy);

/// <summary>What one training epoch did: its mean training loss and the (base) learning rate it used.</summary>
public readonly record struct EpochTraining(double TrainLoss, double Lr);

/// <summary>
/// What a model family plugs into <see cref="EpochLoop"/>: one epoch of training, one validation pass, keeping the best
/// weights, and saving whatever must survive the epoch (resumable state, history). The loop owns the order, early
/// stopping, the history rows and the stop reason.
/// </summary>
public interface IEpochSteps
{
    /// <summary>Trains epoch <paramref name="epoch"/> (0-based); <paramref name="state"/> is the loop's state before it.
    /// Times its phases and counts its steps in <paramref name="profile"/> (data, forward, backward, optimizer).</summary>
    EpochTraining Train(int epoch, LoopState state, StepProfile profile);

    /// <summary>Scores the current weights on the validation data; null when there is none (every epoch is then kept).
    /// The loop times it; the steps count the samples and work in <paramref name="profile"/>.</summary>
    ValidationScore? Validate(StepProfile profile);

    /// <summary>What the profile lines say about the model's arithmetic ("" when not counted).</summary>
    string Work => "";

    /// <summary>Keeps the current weights as the best so far (a checkpoint file, or a copy in memory).</summary>
    void KeepBest(int epoch);

    /// <summary>After each epoch's state and history row (e.g. saving resumable state, or history.csv).</summary>
    void EpochDone(LoopState state, TrainingHistory history);

    /// <summary>The sentence a divergence message adds about the weights kept so far ("" for none).</summary>
    string Recovery(LoopState state);
}
