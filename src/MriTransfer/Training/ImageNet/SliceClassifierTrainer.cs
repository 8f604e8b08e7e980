using System.Diagnostics;
using MriTransfer.Evaluation;
using MriTransfer.Randomness;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Training.ImageNet;

/// <summary>
/// The ImageNet variants' training loop: Adam on cross-entropy over slices (head and backbone with their own
/// learning rates), validation at subject level (mean of slice probabilities), early stopping on the
/// validation loss with patience, best weights restored at the end.
/// <paramref name="model"/> maps <see cref="SliceDataset.Inputs"/> rows to logits: the linear head on cached
/// features (frozen backbone) or the whole network on images (fine-tuning).
/// </summary>
public sealed class SliceClassifierTrainer(
    nn.Module<Tensor, Tensor> model,
    IReadOnlyList<Parameter> backboneParameters,
    Action<bool> setTraining,
    SliceTrainingSettings settings,
    Action<string> progress)
{
    public TrainingResult Train(SliceDataset train, SliceDataset val)
    {
        if (train.SliceCount == 0) throw new Models.ImageNet.ImageNetSettingsException("no BT train subjects in the selected label fraction: nothing to train on");
        var backboneSet = backboneParameters.ToHashSet(ReferenceEqualityComparer.Instance);
        var headParameters = model.parameters().Where(p => !backboneSet.Contains(p)).ToList();
        using var headOptimizer = optim.Adam(headParameters, settings.HeadLr);
        using var backboneOptimizer = backboneParameters.Count > 0 && settings.BackboneLr > 0 ? optim.Adam(backboneParameters, settings.BackboneLr) : null;
        foreach (var p in backboneParameters) p.requires_grad = backboneOptimizer is not null;

        var order = Seeds.Stream(settings.Seed);
        var history = new List<EpochRecord>();
        Dictionary<string, Tensor>? best = null;
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, sinceBest = 0;
        var stopReason = $"reached imagenet epochs ({settings.Epochs})";
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var trainLoss = TrainOneEpoch(train, order, headOptimizer, backboneOptimizer);
            var (valLoss, valBalancedAccuracy) = Evaluate(val);
            history.Add(new EpochRecord(epoch, trainLoss, valLoss, valBalancedAccuracy, settings.HeadLr, clock.Elapsed.TotalSeconds));
            progress($"epoch {epoch}/{settings.Epochs} train_loss {trainLoss:F4} val_loss {valLoss:F4} val_bacc {valBalancedAccuracy:F3}");
            if (best is null || val.SubjectCount == 0 || valLoss < bestLoss - 1e-6)
            {
                DisposeAll(best);
                best = Snapshot();
                (bestLoss, bestEpoch, sinceBest) = (valLoss, epoch, 0);
            }
            else if (++sinceBest >= settings.Patience)
            {
                stopReason = $"early stop: validation loss did not improve for {settings.Patience} epochs";
                break;
            }
        }
        if (val.SubjectCount == 0) stopReason = "no validation subjects: kept the last epoch";
        model.load_state_dict(best!);
        DisposeAll(best);
        setTraining(false);
        return new TrainingResult(history, bestEpoch, stopReason);
    }

    private double TrainOneEpoch(SliceDataset train, Random order, optim.Optimizer head, optim.Optimizer? backbone)
    {
        setTraining(true);
        double lossSum = 0;
        foreach (var rows in SampleSet.Shuffled(train.SliceCount, settings.BatchSize, order))
        {
            using var scope = NewDisposeScope();
            var inputs = train.Inputs.index_select(0, tensor(rows.Select(r => (long)r).ToArray()));
            var labels = tensor(rows.Select(r => (long)train.SubjectLabels[train.SubjectOfSlice[r]]).ToArray());
            head.zero_grad();
            backbone?.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(inputs), labels);
            loss.backward();
            head.step();
            backbone?.step();
            lossSum += loss.item<float>() * rows.Length;
        }
        return lossSum / train.SliceCount;
    }

    /// <summary>Subject-level validation: loss = mean −log p(true class) of the mean slice probabilities; balanced accuracy.</summary>
    public (double Loss, double BalancedAccuracy) Evaluate(SliceDataset val)
    {
        if (val.SubjectCount == 0) return (double.NaN, double.NaN);
        setTraining(false);
        var slices = SliceProbabilities(val);
        var score = SubjectScores.Score(SubjectScores.MeanBySubject(slices, val.SubjectOfSlice, val.SubjectCount),
            val.SubjectLabels, slices[0].Length, probabilityFloor: 1e-7);
        return (score.Loss, score.BalancedAccuracy);
    }

    private List<float[]> SliceProbabilities(SliceDataset data)
    {
        using var noGrad = no_grad();
        var rows = new List<float[]>(data.SliceCount);
        for (long start = 0; start < data.SliceCount; start += settings.BatchSize)
        {
            using var scope = NewDisposeScope();
            var probabilities = nn.functional.softmax(model.forward(data.Inputs.narrow(0, start, Math.Min(settings.BatchSize, data.SliceCount - start))), 1);
            rows.AddRange(probabilities.data<float>().ToArray().Chunk((int)probabilities.shape[1]));
        }
        return rows;
    }

    private Dictionary<string, Tensor> Snapshot() =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());

    private static void DisposeAll(Dictionary<string, Tensor>? state)
    {
        if (state is null) return;
        foreach (var t in state.Values) t.Dispose();
    }
}
