using System.Text.Json.Nodes;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Models;
using MriTransfer.Randomness;
using MriTransfer.Training.Loop;
using MriTransfer.Training.Settings;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>What a classifier stage trains: which parameters at which lr, what stays frozen, for how long.</summary>
internal sealed record ClassifierPlan(
    string Stage, EncoderClassifier Model, IReadOnlyList<TrainableGroup> Groups, IReadOnlyList<nn.Module> Frozen,
    double BaseLr, int Epochs, int WarmupEpochs, JsonObject Provenance);

/// <summary>
/// What TrainHead, FineTune and TrainScratch share: the epoch loop over <see cref="EncoderClassifierSteps"/> (best epoch
/// by <c>classifier.monitor</c>, ties broken by lower val loss, kept in <c>model.pt</c>; early stopping after
/// <c>classifier.patience</c> epochs without improvement), then model.json and training.json.
/// </summary>
internal static class ClassifierTraining
{
    /// <summary>
    /// What every classifier stage starts with: its torch threads, the BT data it may see, and the classifier of
    /// <c>model.*</c> with weights seeded from <c>train.seed</c> (a stage then loads or freezes parts of it).
    /// </summary>
    public static (ClassifierData Data, EncoderClassifier Model) Start(string btDir, ClassifierSettings settings)
    {
        set_num_threads(settings.Runtime.TorchThreads);
        var data = ClassifierData.Load(btDir, settings, settings.Model.Architecture);
        var architecture = settings.Model.Architecture(data.Cohort.Mode.SpatialDims());
        manual_seed(Seeds.Derive(settings.Train.Seed, Seeds.Weights));
        return (data, new EncoderClassifier(architecture, settings.Model.Head(data.Classes.Count)));
    }

    /// <param name="log">gets each epoch with its wall time (kept out of the outputs).</param>
    public static void Run(ClassifierPlan plan, ClassifierData data, ClassifierSettings settings, string outputDir, Action<string> progress,
        Action<string>? log = null)
    {
        var model = plan.Model;
        using var optimizer = OptimizerFactory.Create(settings.Optimizer, plan.Groups, plan.BaseLr);
        var classWeights = data.ClassWeights(settings.Classifier.ClassWeighted);
        var history = new TrainingHistory(classifies: true);
        var steps = new EncoderClassifierSteps(plan, optimizer, data, settings, classWeights, outputDir);
        var loop = new LoopSettings(plan.Stage, plan.Epochs, settings.Classifier.Patience, Monitors.Named(settings.Classifier.Monitor));
        var result = EpochLoop.Run(steps, loop, LoopState.Start, history, progress, log);
        var best = result.State.Best!;

        ModelFiles.WriteJson(Path.Combine(outputDir, "model.json"), Description(model, data));
        var training = new TrainingRecord(plan.Stage, settings.Train.Seed, settings.Train.LabelFraction).ToJson(new JsonObject
        {
            ["subjects_used"] = new JsonObject
            {
                ["train"] = new JsonArray(data.Train.Subjects.Select(s => (JsonNode)s.SubjectId).ToArray()),
                ["val"] = new JsonArray(data.Val.Subjects.Select(s => (JsonNode)s.SubjectId).ToArray()),
            },
            ["train_samples"] = data.Train.Count,
            ["class_weights"] = new JsonArray(classWeights.Select(w => (JsonNode)w).ToArray()),
            ["monitor"] = settings.Classifier.Monitor,
            ["epochs_budget"] = plan.Epochs,
            ["epochs_run"] = history.Rows.Count,
            ["best_epoch"] = result.State.BestEpoch,
            ["best_val_loss"] = best.Loss,
            ["best_val_balanced_accuracy"] = best.BalancedAccuracy,
            ["stop_reason"] = result.StopReason,
            ["provenance"] = plan.Provenance,
        });
        ModelFiles.WriteJson(Path.Combine(outputDir, TrainingRecord.FileName), training);
    }

    public static JsonObject Description(EncoderClassifier model, ClassifierData data) => new()
    {
        ["kind"] = EncoderClassifierPredictor.Kind,
        ["classes"] = new JsonArray(data.Classes.Select(c => (JsonNode)c).ToArray()),
        ["mode"] = data.Cohort.Mode.Text(),
        ["input_shape"] = new JsonArray(data.Cohort.Shape.Select(n => (JsonNode)n).ToArray()),
        ["spacing"] = new JsonArray(data.Cohort.Summary.Spacing.Select(s => (JsonNode)s).ToArray()),
        ["architecture"] = model.Architecture.ToJson(),
        ["head"] = model.HeadSpec.ToJson(),
    };
}
