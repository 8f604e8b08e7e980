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
/// which stays out of every output so identical weights give identical files, and a profile line per epoch and one for
/// the whole run: seconds per phase (<see cref="StepProfile"/>) and the achieved GFLOP/s as a fraction of this CPU's
/// fp32 peak (<see cref="ComputePeak"/>).
/// </summary>
public static class EpochLoop
{
    public static LoopResult Run(IEpochSteps steps, LoopSettings settings, LoopState start, TrainingHistory history,
        Action<string> progress, Action<string>? log = null, CancellationToken cancel = default)
    {
        var state = start;
        var peak = ComputePeak.OfThisMachine(TorchSharp.torch.get_num_threads());
        var run = new StepProfile();
        if (steps.Work.Length > 0) log?.Invoke($"{settings.Name} model: {steps.Work}");
        for (var epoch = state.EpochsDone; epoch < settings.Epochs && state.BadEpochs < settings.Patience; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var profile = new StepProfile();
            var training = steps.Train(epoch, state, profile);
            profile.Mark();
            var val = steps.Validate(profile);
            profile.Lap(Phase.Evaluation);
            if (val is not null && !double.IsFinite(val.Loss))
                throw new TrainingDivergedException(
                    $"{settings.Name}: the validation loss became {val.Loss} at epoch {epoch + 1}; training stopped.{Sentence(steps.Recovery(state))}");
            var row = new EpochRecord(epoch + 1, training.TrainLoss, val?.Loss ?? double.NaN, val?.BalancedAccuracy, training.Lr);
            history.Add(row);
            var improved = state.Best is null || val is null || settings.IsBetter(val, state.Best);
            profile.Mark();
            if (improved) steps.KeepBest(epoch + 1);
            state = improved
                ? new LoopState(epoch + 1, val ?? state.Best, epoch + 1, 0)
                : state with { EpochsDone = epoch + 1, BadEpochs = state.BadEpochs + 1 };
            steps.EpochDone(state, history);
            profile.Lap(Phase.Checkpoint);
            run.Add(profile);
            var line = $"epoch {epoch + 1}/{settings.Epochs} {row.Describe()}";
            progress(line);
            log?.Invoke($"{settings.Name} {line} ({clock.Elapsed.TotalSeconds:F1} s)");
            log?.Invoke($"{settings.Name} epoch {epoch + 1} profile: {profile.Describe(peak)}");
            cancel.ThrowIfCancellationRequested();
        }
        if (run.Steps > 0) log?.Invoke($"{settings.Name} run profile ({state.EpochsDone - start.EpochsDone} epochs): {run.Describe(peak)}");
        return new LoopResult(state, state.BadEpochs >= settings.Patience ? "early_stopping" : "max_epochs");
    }

    private static string Sentence(string text) => text.Length > 0 ? " " + text : "";
}
