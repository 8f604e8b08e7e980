using System.Text.Json;
using MriTransfer.Models.ImageNet;
using Pipeline.Errors;

namespace MriTransfer.Training.ImageNet;

/// <summary>Writes a "Trained classifier" folder (docs/stage-contract.md): model.json, model.pt, history.csv, training.json.</summary>
public static class ClassifierOutput
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Write(string outputDir, ResNetSliceNet net, ResNetSliceModelInfo info, TrainingResult result,
        SliceTrainingSettings settings, string variant, SliceDataset train, SliceDataset val)
    {
        Directory.CreateDirectory(outputDir);
        info.Write(Path.Combine(outputDir, "model.json"));
        net.save(Path.Combine(outputDir, "model.pt"));
        EpochRecord.WriteCsv(Path.Combine(outputDir, "history.csv"), result.History);
        var training = new Dictionary<string, object>
        {
            ["variant"] = variant,
            ["seed"] = settings.Seed,
            ["label_fraction"] = settings.LabelFraction,
            ["train_subjects"] = train.SubjectIds,
            ["val_subjects"] = val.SubjectIds,
            ["train_slices"] = train.SliceCount,
            ["val_slices"] = val.SliceCount,
            ["best_epoch"] = result.BestEpoch,
            ["epochs_run"] = result.History.Count,
            ["stop_reason"] = result.StopReason,
            ["head_lr"] = settings.HeadLr,
            ["backbone_lr"] = settings.BackboneLr,
            ["batch_size"] = settings.BatchSize,
            ["patience"] = settings.Patience,
            ["torch_threads"] = settings.TorchThreads,
        };
        File.WriteAllText(Path.Combine(outputDir, "training.json"), JsonSerializer.Serialize(training, Options));
    }

    /// <summary>(seed, label_fraction) recorded in a classifier folder's training.json.</summary>
    public static (int Seed, double LabelFraction) ReadSeedAndFraction(string modelDir)
    {
        var path = Path.Combine(modelDir, "training.json");
        if (!File.Exists(path)) throw new InputException($"{path}: missing; is {modelDir} the output of ImageNetHead?");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return (doc.RootElement.GetProperty("seed").GetInt32(), doc.RootElement.GetProperty("label_fraction").GetDouble());
    }
}
