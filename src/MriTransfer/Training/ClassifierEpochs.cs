using MriTransfer.Evaluation;
using MriTransfer.Models;
using MriTransfer.Randomness;
using MriTransfer.Training.Settings;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MriTransfer.Training;

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
        var samples = new List<float[]>(data.Count);
        foreach (var batch in data.OrderedBatches(batchSize))
        {
            using var scope = NewDisposeScope();
            samples.AddRange(F.softmax(model.forward(data.Batch(batch)), 1).data<float>().ToArray().Chunk(classes));
        }
        return SubjectScores.MeanBySubject(samples, data.SubjectOf, data.Subjects.Count);
    }

    public static SubjectScore Validate(EncoderClassifier model, SampleSet data, int batchSize) =>
        SubjectScores.Score(SubjectProbabilities(model, data, batchSize), data.SubjectLabels, model.HeadSpec.Classes, probabilityFloor: 1e-12);
}
