using MriTransfer.Evaluation;
using MriTransfer.Randomness;
using MriTransfer.Training.Loop;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Training.ImageNet;

/// <summary>What the loop did: every epoch, the epoch whose weights were kept and its validation score, why it stopped,
/// and the gradient steps taken (no score without validation subjects).</summary>
public sealed record TrainingResult(TrainingHistory History, int BestEpoch, ValidationScore? Best, string StopReason, int Steps);

/// <summary>Backbone parameters trained with one learning rate (<see cref="Name"/> is for the record: stem, layer1...).</summary>
public sealed record ParameterGroup(string Name, IReadOnlyList<Parameter> Parameters, double Lr);

/// <summary>
/// The ImageNet variants in the epoch loop: Adam on cross-entropy over slices (head and backbone with their own
/// learning rates), validation at subject level (mean of slice probabilities), early stopping on the validation loss
/// (better = lower by more than 1e-6) with patience, the best weights kept in memory and restored at the end. One Adam
/// with a parameter group per backbone group and its learning rate (layer-wise rates; a group at 0 stays frozen).
/// <paramref name="model"/> maps <see cref="SliceDataset.Inputs"/> rows to logits: the linear head on cached
/// features (frozen backbone) or the whole network on images (fine-tuning).
/// </summary>
public sealed class SliceClassifierTrainer(
    nn.Module<Tensor, Tensor> model,
    IReadOnlyList<ParameterGroup> backboneGroups,
    Action<bool> setTraining,
    SliceTrainingSettings settings,
    Action<string> progress,
    Action<string>? log = null)
{
    public TrainingResult Train(SliceDataset train, SliceDataset val, string stage)
    {
        if (train.SliceCount == 0) throw new Models.ImageNet.ImageNetSettingsException("no BT train subjects in the selected label fraction: nothing to train on");
        _steps = 0;
        var backboneSet = backboneGroups.SelectMany(g => g.Parameters).ToHashSet(ReferenceEqualityComparer.Instance);
        var headParameters = model.parameters().Where(p => !backboneSet.Contains(p)).ToList();
        var parameterGroups = new List<Adam.ParamGroup> { new(headParameters, lr: settings.HeadLr) };
        foreach (var group in backboneGroups)
        {
            foreach (var p in group.Parameters) p.requires_grad = group.Lr > 0;
            if (group.Lr > 0) parameterGroups.Add(new Adam.ParamGroup(group.Parameters, lr: group.Lr));
        }
        using var optimizer = optim.Adam(parameterGroups);

        _flops = Models.FlopCount.Trace(model, train.Inputs.shape[1..]);
        log?.Invoke($"{stage} model: {_flops.Describe()}");
        var steps = new Steps(this, model, settings.HeadLr, train, val, optimizer, Seeds.Stream(settings.Seed));
        var history = new TrainingHistory(classifies: true);
        try
        {
            var result = EpochLoop.Run(steps, new LoopSettings(stage, settings.Epochs, settings.Patience, Monitors.LowerLoss(margin: 1e-6)),
                LoopState.Start, history, progress, log);
            model.load_state_dict(steps.Best!);
            setTraining(false);
            return new TrainingResult(history, result.State.BestEpoch, result.State.Best, result.StopReason, _steps);
        }
        finally
        {
            steps.DisposeBest();
        }
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

    private int _steps;
    private Models.FlopCount? _flops;

    private double TrainOneEpoch(SliceDataset train, Random order, optim.Optimizer optimizer, StepProfile profile)
    {
        setTraining(true);
        var flopsPerSlice = _flops!.TrainingPerSample;
        double lossSum = 0;
        foreach (var rows in SampleSet.Shuffled(train.SliceCount, settings.BatchSize, order))
        {
            using var scope = NewDisposeScope();
            profile.Mark();
            var inputs = train.Inputs.index_select(0, tensor(rows.Select(r => (long)r).ToArray()));
            var labels = tensor(rows.Select(r => (long)train.SubjectLabels[train.SubjectOfSlice[r]]).ToArray());
            profile.Lap(Phase.Data);
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(inputs), labels);
            var value = loss.item<float>();
            profile.Lap(Phase.Forward);
            loss.backward();
            profile.Lap(Phase.Backward);
            OptimizerFactory.Step(optimizer);
            profile.Lap(Phase.Optimizer);
            profile.Step(rows.Length, flopsPerSlice * rows.Length);
            _steps++;
            lossSum += value * rows.Length;
        }
        return lossSum / train.SliceCount;
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

    /// <summary>One Train call's epochs: one data-order stream over all epochs, the best weights as an in-memory copy.</summary>
    private sealed class Steps(SliceClassifierTrainer trainer, nn.Module model, double headLr, SliceDataset train, SliceDataset val,
        optim.Optimizer optimizer, Random order) : IEpochSteps
    {
        public Dictionary<string, Tensor>? Best { get; private set; }

        public EpochTraining Train(int epoch, LoopState state, StepProfile profile) => new(trainer.TrainOneEpoch(train, order, optimizer, profile), headLr);

        public ValidationScore? Validate(StepProfile profile)
        {
            if (val.SubjectCount == 0) return null;
            var (loss, balancedAccuracy) = trainer.Evaluate(val);
            profile.Evaluated(val.SliceCount, trainer._flops!.ForwardPerSample * val.SliceCount);
            return new ValidationScore(loss, balancedAccuracy);
        }

        public void KeepBest(int epoch)
        {
            DisposeBest();
            Best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());
        }

        public void EpochDone(LoopState state, TrainingHistory history) { }

        public string Recovery(LoopState state) => "";

        public void DisposeBest()
        {
            foreach (var t in Best?.Values ?? Enumerable.Empty<Tensor>()) t.Dispose();
            Best = null;
        }
    }
}
