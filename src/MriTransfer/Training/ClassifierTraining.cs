using System.Text.Json.Nodes;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Models;
using MriTransfer.Randomness;
using MriTransfer.Training.Loop;
using MriTransfer.Training.Settings;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// What a classifier stage trains: which parameters at which lr (groups named "encoder" and "head"), what stays frozen,
/// for how long; <paramref name="Stored"/> = the head trains on a frozen encoder's features computed once (the caller owns
/// them);
/// <paramref name="FitStandardizer"/> = set the head's feature standardisation from the train features first (a new head);
/// <paramref name="ProbeEncoder"/> = name of the starting encoder to probe (<see cref="ReadoutProbes"/>; null = none).
/// </summary>
internal sealed record ClassifierPlan(
    string Stage, EncoderClassifier Model, IReadOnlyList<TrainableGroup> Groups, IReadOnlyList<nn.Module> Frozen,
    double BaseLr, int Epochs, int WarmupEpochs, JsonObject Provenance, StoredFeatures? Stored = null, bool FitStandardizer = true,
    string? ProbeEncoder = null, int? PretrainSeed = null);

/// <summary>
/// What TrainHead, FineTune and TrainScratch share: the epoch loop (best epoch by <c>classifier.monitor</c>, ties broken by
/// lower val loss, kept in <c>model.pt</c>; early stopping after <c>classifier.patience</c> epochs without improvement),
/// then model.json and training.json, which records for every arm its optimizer steps, epochs, peak lr per group and
/// the relative change of its encoder's weights (‖w_end − w_start‖ / ‖w_start‖, of the kept model).
/// </summary>
internal static class ClassifierTraining
{
    /// <summary>What every classifier stage starts with: its torch threads and the BT data it may see.</summary>
    public static ClassifierData LoadData(string btDir, ClassifierSettings settings)
    {
        TorchThreads.Use(settings.Runtime.TorchThreads);
        return ClassifierData.Load(btDir, settings, settings.Model.Architecture);
    }

    /// <summary>
    /// The classifier of <c>model.*</c> (readout included) with weights seeded from <c>train.seed</c> (a stage then loads
    /// or freezes parts of it); every call gives the same initial weights.
    /// </summary>
    public static EncoderClassifier NewModel(ClassifierData data, ClassifierSettings settings)
    {
        var architecture = settings.Model.Architecture(data.Cohort.Mode.SpatialDims());
        var readout = ReadoutSpec.For(settings.Model.Readout, architecture, VolumeTensors.SpatialShape(data.Cohort.Shape, architecture.SpatialDims));
        manual_seed(Seeds.Derive(settings.Train.Seed, Seeds.Weights));
        return new EncoderClassifier(architecture, settings.Model.Head(data.Classes.Count), readout);
    }

    /// <param name="log">gets each epoch with its wall time (kept out of the outputs).</param>
    public static void Run(ClassifierPlan plan, ClassifierData data, ClassifierSettings settings, string outputDir, Action<string> progress,
        Action<string>? log = null)
    {
        var model = plan.Model;
        log?.Invoke($"samples: train {data.Train.StorageDescription}; val {data.Val.StorageDescription}");
        using var encoderStart = WeightChange.Snapshot(model.Encoder);
        var (trainFeatures, valFeatures) = (plan.Stored?.Train, plan.Stored?.Val);
        if (plan.FitStandardizer) FitStandardizer(model, data.Train, trainFeatures, settings.Classifier.BatchSize);
        var probes = plan.ProbeEncoder is null ? null : Probes(plan, data, trainFeatures, valFeatures, settings.Classifier.BatchSize);

        using var optimizer = OptimizerFactory.Create(settings.Optimizer, plan.Groups, plan.BaseLr);
        var classWeights = data.ClassWeights(settings.Classifier.ClassWeighted);
        var history = new TrainingHistory(classifies: true);
        var loop = new LoopSettings(plan.Stage, plan.Epochs, settings.Classifier.Patience, Monitors.Named(settings.Classifier.Monitor));
        var steps = new EncoderClassifierSteps(plan, optimizer, data, settings, classWeights, outputDir, trainFeatures, valFeatures);
        var result = EpochLoop.Run(steps, loop, LoopState.Start, history, progress, log);
        var best = result.State.Best!;
        ModelFiles.Load(model, Path.Combine(outputDir, "model.pt"));
        var encoderChange = encoderStart.Relative(model.Encoder);

        ModelFiles.WriteJson(Path.Combine(outputDir, "model.json"), Description(model, data));
        var training = new TrainingRecord(plan.Stage, settings.Train.Seed, settings.Train.LabelFraction, plan.PretrainSeed).ToJson(new JsonObject
        {
            ["subjects_used"] = new JsonObject
            {
                ["train"] = new JsonArray(data.Train.Subjects.Select(s => (JsonNode)s.SubjectId).ToArray()),
                ["val"] = new JsonArray(data.Val.Subjects.Select(s => (JsonNode)s.SubjectId).ToArray()),
            },
            ["train_samples"] = data.Train.Count,
            ["class_weights"] = new JsonArray(classWeights.Select(w => (JsonNode)w).ToArray()),
            ["readout"] = model.ReadoutSpec.Name,
            ["readout_width"] = model.ReadoutSpec.Width(model.Architecture),
            ["monitor"] = settings.Classifier.Monitor,
            ["epochs_budget"] = plan.Epochs,
            ["epochs_run"] = history.Rows.Count,
            ["epochs"] = history.Rows.Count,
            ["steps"] = steps.Steps,
            ["batch_size"] = settings.Classifier.BatchSize,
            ["warmup_epochs"] = plan.WarmupEpochs,
            ["schedule"] = settings.Optimizer.Schedule,
            ["lr"] = GroupLearningRates(plan),
            ["encoder_relative_change"] = encoderChange,
            ["frozen_features_cached"] = plan.Stored is not null,
            ["probes"] = probes,
            ["best_epoch"] = result.State.BestEpoch,
            ["best_val_loss"] = best.Loss,
            ["best_val_balanced_accuracy"] = best.BalancedAccuracy,
            ["stop_reason"] = result.StopReason,
            ["provenance"] = plan.Provenance,
        });
        ModelFiles.WriteJson(Path.Combine(outputDir, TrainingRecord.FileName), training);
    }

    /// <summary>Peak (pre-schedule) lr of the encoder and of the head (readout included); 0 for a part that does not train.</summary>
    private static JsonObject GroupLearningRates(ClassifierPlan plan)
    {
        double Of(string name) => plan.Groups.Where(g => g.Name == name && g.Parameters.Count > 0).Select(g => plan.BaseLr * g.LrMultiplier).FirstOrDefault();
        return new JsonObject { ["encoder"] = Of("encoder"), ["head"] = Of("head") };
    }

    /// <summary>Probes of the starting encoder, on the stored features when the arm has them, else on features computed for them.</summary>
    private static JsonObject Probes(ClassifierPlan plan, ClassifierData data, FrozenFeatures? train, FrozenFeatures? val, int batchSize)
    {
        if (train is not null && val is not null) return ReadoutProbes.Run(plan.Model, data, train, val, plan.ProbeEncoder!);
        using var trainNow = FrozenFeatures.Compute(plan.Model, data.Train, batchSize, withFlips: false);
        using var valNow = FrozenFeatures.Compute(plan.Model, data.Val, batchSize, withFlips: false);
        return ReadoutProbes.Run(plan.Model, data, trainNow, valNow, plan.ProbeEncoder!);
    }

    /// <summary>The head's standardisation from the readout features of every train sample (eval mode, no augmentation).</summary>
    private static void FitStandardizer(EncoderClassifier model, SampleSet train, FrozenFeatures? cached, int batchSize)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var pooled = cached?.Original ?? cat(train.OrderedBatches(Math.Max(batchSize, 16)).Select(b => model.Pooled(train.Batch(b))).ToList(), 0);
        model.FitStandardizer(model.Readout.forward(pooled));
    }

    public static JsonObject Description(EncoderClassifier model, ClassifierData data) => new()
    {
        ["kind"] = EncoderClassifierPredictor.Kind,
        ["classes"] = new JsonArray(data.Classes.Select(c => (JsonNode)c).ToArray()),
        ["mode"] = data.Cohort.Mode.Text(),
        ["input_shape"] = new JsonArray(data.Cohort.Shape.Select(n => (JsonNode)n).ToArray()),
        ["spacing"] = new JsonArray(data.Cohort.Summary.Spacing.Select(s => (JsonNode)s).ToArray()),
        ["architecture"] = model.Architecture.ToJson(),
        ["readout"] = model.ReadoutSpec.ToJson(),
        ["head"] = model.HeadSpec.ToJson(),
    };
}
