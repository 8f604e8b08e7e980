using MriTransfer.Models;
using MriTransfer.Randomness;
using MriTransfer.Training.Loop;
using MriTransfer.Training.Settings;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MriTransfer.Training;

/// <summary>
/// The autoencoder in the epoch loop: an epoch trains on the corrupted AD train volumes (mean squared reconstruction
/// error against the clean ones), validation scores clean AD val volumes; the best weights are autoencoder.pt and the
/// resumable state (<see cref="PretrainResumeState"/>) is saved after every epoch, all in the state folder. Batches are
/// rows of the sets' tensors (random patches of them with <c>pretrain.patch_shape</c>), and each step's phases are timed
/// in the loop's <see cref="StepProfile"/>.
/// </summary>
internal sealed class AutoencoderSteps(
    Autoencoder model, optim.Optimizer optimizer, IReadOnlyList<TrainableGroup> groups, SampleSet train, SampleSet val,
    PretrainSettings settings, string stateDir, string fingerprint) : IEpochSteps
{
    private readonly FlopCount _flops = FlopCount.Trace(model, train.SampleShape);
    private readonly PatchCrop? _crop = PatchCrop.For(settings.Pretrain.PatchShape, train.SampleShape, model.Architecture, "the AD train split");
    private FlopCount TrainingFlops => field ??= _crop is null ? _flops : FlopCount.Trace(model, _crop.SampleShape(train.SampleShape));

    public string Work => _crop is null ? _flops.Describe() : $"{TrainingFlops.Describe()} on training patches; whole volumes: {_flops.Describe()}";

    public EpochTraining Train(int epoch, LoopState state, StepProfile profile)
    {
        var lr = settings.Optimizer.Lr * LearningRateSchedule.Factor(settings.Optimizer, epoch, settings.Pretrain.Epochs);
        OptimizerFactory.SetLearningRates(optimizer, groups, settings.Optimizer.Lr, lr / settings.Optimizer.Lr);
        model.train();
        var flopsPerSample = TrainingFlops.TrainingPerSample;
        var batches = train.ShuffledBatches(settings.Pretrain.BatchSize, Seeds.Random(settings.Pretrain.Seed, Seeds.DataOrder, epoch));
        double total = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            using var scope = NewDisposeScope();
            profile.Mark();
            var clean = Augmenter.Apply(train.Batch(batches[b]), settings.Pretrain.Augment, Seeds.Random(settings.Pretrain.Seed, Seeds.Augmentation, epoch, b));
            if (_crop is not null) clean = _crop.Apply(clean, Seeds.Random(settings.Pretrain.Seed, Seeds.Crop, epoch, b));
            using var generator = new Generator((ulong)Seeds.Derive(settings.Pretrain.Seed, Seeds.Corruption, epoch, b));
            var corrupted = model.Corrupt(clean, generator);
            profile.Lap(Phase.Data);
            var loss = F.mse_loss(model.forward(corrupted), clean);
            var value = loss.item<float>();
            profile.Lap(Phase.Forward);
            if (!float.IsFinite(value))
                throw new TrainingDivergedException(
                    $"Pretrain: the loss became {value} at epoch {epoch + 1}, batch {b + 1} of {batches.Count}; training stopped. " +
                    $"{Recovery(state)} Lower pretrain.lr, or check the AD volumes for non-finite voxels.");
            optimizer.zero_grad();
            loss.backward();
            profile.Lap(Phase.Backward);
            OptimizerFactory.Step(optimizer);
            profile.Lap(Phase.Optimizer);
            profile.Step(batches[b].Length, flopsPerSample * batches[b].Length);
            total += value * batches[b].Length;
        }
        return new EpochTraining(total / train.Count, lr);
    }

    /// <summary>Mean reconstruction error per sample on clean, unaugmented inputs, in large batches without autograd.</summary>
    public ValidationScore Validate(StepProfile profile)
    {
        model.eval();
        using var inference = inference_mode();
        double total = 0;
        foreach (var (start, length) in val.EvaluationRanges(settings.Pretrain.BatchSize))
        {
            using var scope = NewDisposeScope();
            var clean = val.Range(start, length);
            total += F.mse_loss(model.forward(clean), clean).item<float>() * length;
        }
        profile.Evaluated(val.Count, _flops.ForwardPerSample * val.Count);
        return new ValidationScore(total / val.Count, null);
    }

    public void KeepBest(int epoch) => ModelFiles.Save(model, Path.Combine(stateDir, "autoencoder.pt"));

    public void EpochDone(LoopState state, TrainingHistory history) =>
        new PretrainResumeState(fingerprint, state).Save(stateDir, model, optimizer, history);

    public string Recovery(LoopState state) => state.EpochsDone > 0
        ? $"The last good checkpoint (epoch {state.EpochsDone}) is {Path.Combine(stateDir, "last.pt")}."
        : "No epoch had finished, so there is no checkpoint.";
}
