using System.Diagnostics;

namespace MriTransfer.Training.Loop;

/// <summary>Where a loop is: epochs done, the best validation score and its epoch, epochs since it improved.</summary>
public sealed record LoopState(int EpochsDone, ValidationScore? Best, int BestEpoch, int BadEpochs)
{
    public static LoopState Start { get; } = new(0, null, 0, 0);
}

/// <summary>A loop's name (in messages), its epoch budget, its early-stopping patience and what counts as better.</summary>
public sealed record LoopSettings(string Name, int Epochs, int Patience, Monitor IsBetter);

/// <summary>How a loop ended: its last state and why it stopped ("max_epochs" or "early_stopping").</summary>
public sealed record LoopResult(LoopState State, string StopReason);

/// <summary>
/// The one training-loop skeleton (autoencoder, encoder classifiers, ImageNet slice classifiers): for each epoch up to
/// the budget, unless <see cref="LoopSettings.Patience"/> epochs have passed without improvement, train, validate
/// (a non-finite validation loss stops training with <see cref="TrainingDivergedException"/>), add a history row, keep
/// the weights when the monitor says they are better, and let the steps save what must survive the epoch. It resumes
/// from any <see cref="LoopState"/> (with its history). Progress shows each epoch; the log also gets its wall time,
/// which stays out of every output so identical weights give identical files.
/// </summary>
public static class EpochLoop
{
    public static LoopResult Run(IEpochSteps steps, LoopSettings settings, LoopState start, TrainingHistory history,
        Action<string> progress, Action<string>? log = null, CancellationToken cancel = default)
    {
        var state = start;
        for (var epoch = state.EpochsDone; epoch < settings.Epochs && state.BadEpochs < settings.Patience; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var training = steps.Train(epoch, state);
            var val = steps.Validate();
            if (val is not null && !double.IsFinite(val.Loss))
                throw new TrainingDivergedException(
                    $"{settings.Name}: the validation loss became {val.Loss} at epoch {epoch + 1}; training stopped.{Sentence(steps.Recovery(state))}");
            var row = new EpochRecord(epoch + 1, training.TrainLoss, val?.Loss ?? double.NaN, val?.BalancedAccuracy, training.Lr);
            history.Add(row);
            var improved = state.Best is null || val is null || settings.IsBetter(val, state.Best);
            if (improved) steps.KeepBest(epoch + 1);
            state = improved
                ? new LoopState(epoch + 1, val ?? state.Best, epoch + 1, 0)
                : state with { EpochsDone = epoch + 1, BadEpochs = state.BadEpochs + 1 };
            steps.EpochDone(state, history);
            var line = $"epoch {epoch + 1}/{settings.Epochs} {row.Describe()}";
            progress(line);
            log?.Invoke($"{settings.Name} {line} ({clock.Elapsed.TotalSeconds:F1} s)");
            cancel.ThrowIfCancellationRequested();
        }
        return new LoopResult(state, state.BadEpochs >= settings.Patience ? "early_stopping" : "max_epochs");
    }

    private static string Sentence(string text) => text.Length > 0 ? " " + text : "";
}
