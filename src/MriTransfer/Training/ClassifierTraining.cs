using System.Diagnostics;
using System.Text.Json.Nodes;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Evaluation;
using MriTransfer.Models;
using MriTransfer.Training.Settings;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>What a classifier stage trains: which parameters at which lr, what stays frozen, for how long.</summary>
internal sealed record ClassifierPlan(
    string Stage, EncoderClassifier Model, IReadOnlyList<TrainableGroup> Groups, IReadOnlyList<nn.Module> Frozen,
    double BaseLr, int Epochs, int WarmupEpochs, JsonObject Provenance);

/// <summary>
/// The loop shared by TrainHead, FineTune and TrainScratch: train on the BT train subset, validate per subject on BT
/// val, keep the best epoch (by <c>classifier.monitor</c>, ties broken by lower val loss) in <c>model.pt</c>, stop
/// early after <c>classifier.patience</c> epochs without improvement; then write model.json, history.csv, training.json.
/// </summary>
internal static class ClassifierTraining
{
    public static void Run(ClassifierPlan plan, ClassifierData data, ClassifierSettings settings, string outputDir, Action<string> progress)
    {
        var model = plan.Model;
        using var optimizer = OptimizerFactory.Create(settings.Optimizer, plan.Groups, plan.BaseLr);
        var classWeights = data.ClassWeights(settings.Classifier.ClassWeighted);
        var history = new HistoryCsv(HistoryCsv.ClassifierColumns);
        var modelPath = Path.Combine(outputDir, "model.pt");
        SubjectScore? best = null;
        int bestEpoch = 0, badEpochs = 0;
        var stopReason = "max_epochs";
        for (var epoch = 0; epoch < plan.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var factor = LearningRateSchedule.Factor(settings.Optimizer, epoch, plan.Epochs, plan.WarmupEpochs);
            OptimizerFactory.SetLearningRates(optimizer, plan.Groups, plan.BaseLr, factor);
            var trainLoss = ClassifierEpochs.Train(model, plan.Frozen, optimizer, data.Train, settings, classWeights, epoch, plan.Stage);
            var val = ClassifierEpochs.Validate(model, data.Val, settings.Classifier.BatchSize);
            if (!double.IsFinite(val.Loss))
                throw new TrainingDivergedException($"{plan.Stage}: the validation loss became {val.Loss} at epoch {epoch + 1}; training stopped.");
            history.Add(epoch + 1, trainLoss, val.Loss, val.BalancedAccuracy, plan.BaseLr * factor, Math.Round(clock.Elapsed.TotalSeconds, 3));
            history.Write(Path.Combine(outputDir, "history.csv"));
            if (best is null || IsBetter(val, best, settings.Classifier.Monitor))
            {
                best = val;
                bestEpoch = epoch + 1;
                badEpochs = 0;
                ModelFiles.Save(model, modelPath);
            }
            else badEpochs++;
            progress($"epoch {epoch + 1}/{plan.Epochs} train_loss {trainLoss:G4} val_loss {val.Loss:G4} val_bacc {val.BalancedAccuracy:F3}");
            if (badEpochs >= settings.Classifier.Patience) { stopReason = "early_stopping"; break; }
        }

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
            ["best_epoch"] = bestEpoch,
            ["best_val_loss"] = best!.Loss,
            ["best_val_balanced_accuracy"] = best.BalancedAccuracy,
            ["stop_reason"] = stopReason,
            ["provenance"] = plan.Provenance,
        });
        ModelFiles.WriteJson(Path.Combine(outputDir, TrainingRecord.FileName), training);
    }

    private static bool IsBetter(SubjectScore candidate, SubjectScore best, string monitor) => monitor == "val_loss"
        ? candidate.Loss < best.Loss
        : candidate.BalancedAccuracy > best.BalancedAccuracy
          || (candidate.BalancedAccuracy == best.BalancedAccuracy && candidate.Loss < best.Loss);

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
