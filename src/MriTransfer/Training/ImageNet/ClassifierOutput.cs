using System.Text.Json.Nodes;
using MriTransfer.Models;
using MriTransfer.Models.ImageNet;
using MriTransfer.Training.Loop;

namespace MriTransfer.Training.ImageNet;

/// <summary>Writes a "Trained classifier" folder (docs/stage-contract.md): model.json, model.pt, history.csv, training.json.</summary>
public static class ClassifierOutput
{
    public static void Write(string outputDir, ResNetSliceNet net, ResNetSliceModelInfo info, TrainingResult result,
        SliceTrainingSettings settings, string stage, SliceDataset train, SliceDataset val, IReadOnlyList<ParameterGroup> backboneGroups,
        double encoderRelativeChange)
    {
        Directory.CreateDirectory(outputDir);
        info.Write(Path.Combine(outputDir, "model.json"));
        net.save(Path.Combine(outputDir, "model.pt"));
        result.History.Write(Path.Combine(outputDir, TrainingHistory.FileName));
        var training = new TrainingRecord(stage, settings.Seed, settings.LabelFraction).ToJson(new JsonObject
        {
            ["train_subjects"] = new JsonArray(train.SubjectIds.Select(s => (JsonNode)s).ToArray()),
            ["val_subjects"] = new JsonArray(val.SubjectIds.Select(s => (JsonNode)s).ToArray()),
            ["train_slices"] = train.SliceCount,
            ["val_slices"] = val.SliceCount,
            ["best_epoch"] = result.BestEpoch,
            ["best_val_loss"] = result.Best?.Loss,
            ["best_val_balanced_accuracy"] = result.Best?.BalancedAccuracy,
            ["epochs_run"] = result.History.Rows.Count,
            ["stop_reason"] = result.StopReason,
            ["head_lr"] = settings.HeadLr,
            ["backbone_lr"] = settings.BackboneLr,
            ["batch_size"] = settings.BatchSize,
            ["patience"] = settings.Patience,
            ["torch_threads"] = settings.TorchThreads,
            // the keys every arm records for the report's budget table (steps, epochs, lr, encoder_relative_change)
            ["steps"] = result.Steps,
            ["epochs"] = result.History.Rows.Count,
            ["lr"] = LearningRates(settings.HeadLr, backboneGroups),
            ["encoder_relative_change"] = Math.Round(encoderRelativeChange, 6),
        });
        ModelFiles.WriteJson(Path.Combine(outputDir, TrainingRecord.FileName), training);
    }

    /// <summary>{"head": lr, "&lt;group&gt;": lr ...}: the head's rate and each trained backbone group's.</summary>
    private static JsonObject LearningRates(double headLr, IReadOnlyList<ParameterGroup> groups)
    {
        var rates = new JsonObject { ["head"] = headLr };
        foreach (var g in groups.Where(g => g.Lr > 0).Reverse()) rates[g.Name] = g.Lr;
        return rates;
    }
}
