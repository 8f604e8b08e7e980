using MriTransfer.Models;
using MriTransfer.Randomness;
using MriTransfer.Training.Settings;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MriTransfer.Training;

/// <summary>Subject-level validation result: mean negative log-likelihood and balanced accuracy.</summary>
public sealed record ValidationResult(double Loss, double BalancedAccuracy);

/// <summary>One classifier training epoch, and subject-level validation (a 2-D subject's probabilities = mean over its slices).</summary>
internal static class ClassifierEpochs
{
    public static double Train(EncoderClassifier model, IReadOnlyList<nn.Module> frozen, optim.Optimizer optimizer, SampleSet data,
        ClassifierSettings settings, float[] classWeights, int epoch, string stage)
    {
        model.train();
        foreach (var module in frozen) module.eval();
        manual_seed(Seeds.Derive(settings.Train.Seed, Seeds.Dropout, epoch));
        var batches = data.ShuffledBatches(settings.Classifier.BatchSize, Seeds.Random(settings.Train.Seed, Seeds.DataOrder, epoch));
        double total = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            using var scope = NewDisposeScope();
            var x = Augmenter.Apply(data.Batch(batches[b]), settings.Classifier.Augment, Seeds.Random(settings.Train.Seed, Seeds.Augmentation, epoch, b));
            var loss = F.cross_entropy(model.forward(x), data.Labels(batches[b]), weight: tensor(classWeights));
            var value = loss.item<float>();
            if (!float.IsFinite(value))
                throw new TrainingDivergedException(
                    $"{stage}: the loss became {value} at epoch {epoch + 1}, batch {b + 1} of {batches.Count}; training stopped " +
                    "(model.pt holds the best epoch so far). Lower the learning rate, or check the BT volumes for non-finite voxels.");
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += value * batches[b].Length;
        }
        return total / data.Count;
    }

    /// <summary>Per-subject class probabilities (rows: subjects of <paramref name="data"/>).</summary>
    public static float[][] SubjectProbabilities(EncoderClassifier model, SampleSet data, int batchSize)
    {
        model.eval();
        using var noGrad = no_grad();
        var classes = model.HeadSpec.Classes;
        var sums = new double[data.Subjects.Count, classes];
        var counts = new int[data.Subjects.Count];
        foreach (var batch in data.OrderedBatches(batchSize))
        {
            using var scope = NewDisposeScope();
            var probabilities = F.softmax(model.forward(data.Batch(batch)), 1).data<float>().ToArray();
            for (var i = 0; i < batch.Length; i++)
            {
                var subject = data.SubjectOf[batch[i]];
                counts[subject]++;
                for (var c = 0; c < classes; c++) sums[subject, c] += probabilities[i * classes + c];
            }
        }
        return Enumerable.Range(0, counts.Length)
            .Select(s => Enumerable.Range(0, classes).Select(c => (float)(sums[s, c] / counts[s])).ToArray()).ToArray();
    }

    public static ValidationResult Validate(EncoderClassifier model, SampleSet data, int batchSize)
    {
        var probabilities = SubjectProbabilities(model, data, batchSize);
        var classes = model.HeadSpec.Classes;
        var correct = new int[classes];
        var total = new int[classes];
        double nll = 0;
        for (var s = 0; s < probabilities.Length; s++)
        {
            var truth = data.SubjectLabels[s];
            var predicted = Array.IndexOf(probabilities[s], probabilities[s].Max());
            total[truth]++;
            if (predicted == truth) correct[truth]++;
            nll -= Math.Log(Math.Max(probabilities[s][truth], 1e-12));
        }
        var recalls = Enumerable.Range(0, classes).Where(c => total[c] > 0).Select(c => (double)correct[c] / total[c]).ToList();
        return new ValidationResult(nll / probabilities.Length, recalls.Average());
    }
}
