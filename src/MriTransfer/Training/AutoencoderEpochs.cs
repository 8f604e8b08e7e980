using MriTransfer.Models;
using MriTransfer.Randomness;
using MriTransfer.Training.Settings;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MriTransfer.Training;

/// <summary>One training epoch and one validation pass of the autoencoder (mean squared reconstruction error).</summary>
internal static class AutoencoderEpochs
{
    /// <summary>Mean training loss per sample; throws <see cref="TrainingDivergedException"/> on a non-finite loss.</summary>
    public static double Train(Autoencoder model, optim.Optimizer optimizer, SampleSet data, PretrainSettings settings, int epoch, string lastGood)
    {
        model.train();
        var batches = data.ShuffledBatches(settings.Pretrain.BatchSize, Seeds.Random(settings.Pretrain.Seed, Seeds.DataOrder, epoch));
        double total = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            using var scope = NewDisposeScope();
            var clean = Augmenter.Apply(data.Batch(batches[b]), settings.Pretrain.Augment, Seeds.Random(settings.Pretrain.Seed, Seeds.Augmentation, epoch, b));
            using var generator = new Generator((ulong)Seeds.Derive(settings.Pretrain.Seed, Seeds.Corruption, epoch, b));
            var loss = F.mse_loss(model.forward(model.Corrupt(clean, generator)), clean);
            var value = loss.item<float>();
            if (!float.IsFinite(value))
                throw new TrainingDivergedException(
                    $"Pretrain: the loss became {value} at epoch {epoch + 1}, batch {b + 1} of {batches.Count}; training stopped. " +
                    $"{lastGood} Lower pretrain.lr, or check the AD volumes for non-finite voxels.");
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += value * batches[b].Length;
        }
        return total / data.Count;
    }

    /// <summary>Mean reconstruction error per sample on clean, unaugmented inputs.</summary>
    public static double Validate(Autoencoder model, SampleSet data, int batchSize)
    {
        model.eval();
        using var noGrad = no_grad();
        double total = 0;
        foreach (var batch in data.OrderedBatches(batchSize))
        {
            using var scope = NewDisposeScope();
            var clean = data.Batch(batch);
            total += F.mse_loss(model.forward(clean), clean).item<float>() * batch.Length;
        }
        return total / data.Count;
    }
}
