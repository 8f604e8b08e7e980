using MriTransfer.Evaluation;
using MriTransfer.Models;
using MriTransfer.Randomness;
using MriTransfer.Training.Loop;
using MriTransfer.Training.Settings;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MriTransfer.Training;

/// <summary>
/// An encoder classifier (TrainHead, FineTune, TrainScratch) in the epoch loop: an epoch trains the plan's groups at
/// the scheduled learning rate (frozen modules kept in eval mode), validation scores BT val per subject (a 2-D subject's
/// probabilities are the mean over its slices); the best weights are model.pt, history.csv is rewritten every epoch.
/// With a frozen encoder's stored features (<paramref name="trainFeatures"/>, <paramref name="valFeatures"/>) the encoder
/// never runs: batches, seeds and schedule are the same, and a flip is drawn per sample exactly as the augmenter draws it
/// and picks the stored features of the flipped volume.
/// </summary>
internal sealed class EncoderClassifierSteps(
    ClassifierPlan plan, optim.Optimizer optimizer, ClassifierData data, ClassifierSettings settings, float[] classWeights, string outputDir,
    FrozenFeatures? trainFeatures = null, FrozenFeatures? valFeatures = null) : IEpochSteps
{
    private readonly FlopCount _flops = FlopCount.Trace(plan.Model, data.Train.SampleShape);
    private readonly Tensor _classWeights = NativeTensors.Floats(classWeights).DetachFromDisposeScope();

    public string Work => _flops.Describe();

    /// <summary>Optimizer steps taken so far.</summary>
    public int Steps { get; private set; }

    /// <summary>What runs: the whole model, or only the head when the encoder's features are stored.</summary>
    private FlopCount Running(FrozenFeatures? stored) => stored is null ? _flops : _flops.TrainedOnly();

    public EpochTraining Train(int epoch, LoopState state, StepProfile profile)
    {
        var factor = LearningRateSchedule.Factor(settings.Optimizer, epoch, plan.Epochs, plan.WarmupEpochs);
        OptimizerFactory.SetLearningRates(optimizer, plan.Groups, plan.BaseLr, factor);
        var model = plan.Model;
        model.train();
        foreach (var module in plan.Frozen) module.eval();
        manual_seed(Seeds.Derive(settings.Train.Seed, Seeds.Dropout, epoch));
        var flopsPerSample = Running(trainFeatures).TrainingPerSample;
        var batches = data.Train.ShuffledBatches(settings.Classifier.BatchSize, Seeds.Random(settings.Train.Seed, Seeds.DataOrder, epoch));
        double total = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            using var scope = NewDisposeScope();
            profile.Mark();
            var random = Seeds.Random(settings.Train.Seed, Seeds.Augmentation, epoch, b);
            var labels = data.Train.Labels(batches[b]);
            Tensor logits;
            if (trainFeatures is null)
            {
                var x = Augmenter.Apply(data.Train.Batch(batches[b]), settings.Classifier.Augment, random);
                profile.Lap(Phase.Data);
                logits = model.forward(x);
            }
            else
            {
                var pooled = trainFeatures.Batch(batches[b], settings.Classifier.Augment.Flip ? batches[b].Select(_ => random.NextDouble() < 0.5).ToArray() : null);
                profile.Lap(Phase.Data);
                logits = model.FromPooled(pooled);
            }
            var loss = F.cross_entropy(logits, labels, weight: _classWeights);
            var value = loss.item<float>();
            profile.Lap(Phase.Forward);
            if (!float.IsFinite(value))
                throw new TrainingDivergedException(
                    $"{plan.Stage}: the loss became {value} at epoch {epoch + 1}, batch {b + 1} of {batches.Count}; training stopped " +
                    "(model.pt holds the best epoch so far). Lower the learning rate, or check the BT volumes for non-finite voxels.");
            optimizer.zero_grad();
            loss.backward();
            profile.Lap(Phase.Backward);
            OptimizerFactory.Step(optimizer);
            profile.Lap(Phase.Optimizer);
            profile.Step(batches[b].Length, flopsPerSample * batches[b].Length);
            Steps++;
            total += value * batches[b].Length;
        }
        return new EpochTraining(total / data.Train.Count, plan.BaseLr * factor);
    }

    public ValidationScore Validate(StepProfile profile)
    {
        profile.Evaluated(data.Val.Count, Running(valFeatures).ForwardPerSample * data.Val.Count);
        var probabilities = valFeatures is null ? SubjectProbabilities(plan.Model, data.Val, settings.Classifier.BatchSize) : StoredProbabilities(valFeatures);
        var score = SubjectScores.Score(probabilities, data.Val.SubjectLabels,
            plan.Model.HeadSpec.Classes, probabilityFloor: 1e-12);
        return new ValidationScore(score.Loss, score.BalancedAccuracy);
    }

    public void KeepBest(int epoch) => ModelFiles.Save(plan.Model, Path.Combine(outputDir, "model.pt"));

    public void EpochDone(LoopState state, TrainingHistory history) => history.Write(Path.Combine(outputDir, TrainingHistory.FileName));

    public string Recovery(LoopState state) => "";

    /// <summary>Per-subject class probabilities of the val subjects from their stored features.</summary>
    private float[][] StoredProbabilities(FrozenFeatures features)
    {
        var model = plan.Model;
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var samples = F.softmax(model.FromPooled(features.Original), 1).data<float>().ToArray().Chunk(model.HeadSpec.Classes).ToList();
        return SubjectScores.MeanBySubject(samples, data.Val.SubjectOf, data.Val.Subjects.Count);
    }

    /// <summary>Per-subject class probabilities (rows: subjects of <paramref name="data"/>), in large batches without autograd.</summary>
    private static float[][] SubjectProbabilities(EncoderClassifier model, SampleSet data, int batchSize)
    {
        model.eval();
        using var inference = inference_mode();
        var classes = model.HeadSpec.Classes;
        var samples = new List<float[]>(data.Count);
        foreach (var (start, length) in data.EvaluationRanges(batchSize))
        {
            using var scope = NewDisposeScope();
            samples.AddRange(F.softmax(model.forward(data.Range(start, length)), 1).data<float>().ToArray().Chunk(classes));
        }
        return SubjectScores.MeanBySubject(samples, data.SubjectOf, data.Subjects.Count);
    }
}
