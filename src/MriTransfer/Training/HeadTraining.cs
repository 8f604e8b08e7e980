using System.Text.Json.Nodes;
using MriTransfer.Models;
using MriTransfer.Training.Settings;

namespace MriTransfer.Training;

/// <summary>
/// The TrainHead stage: the classifier built from <c>model.*</c>, its encoder loaded strictly from ExportEncoder's
/// output and frozen (no gradients, normalisation in eval mode); only the head trains.
/// </summary>
public static class HeadTraining
{
    public static void Run(string encoderDir, string btDir, string outputDir, ClassifierSettings settings, Action<string> progress, Action<string>? log = null)
    {
        var (data, created) = ClassifierTraining.Start(btDir, settings);
        using var model = created;
        EncoderFiles.LoadInto(model.Encoder, encoderDir);
        Freezing.Freeze(model.Encoder);
        var plan = new ClassifierPlan("TrainHead", model,
            [new TrainableGroup(model.Head.parameters().ToList())], [model.Encoder],
            settings.Optimizer.Lr, settings.Classifier.Epochs, WarmupEpochs: 0,
            new JsonObject
            {
                ["init"] = "exported encoder (frozen)",
                ["encoder_safetensors_sha256"] = Fingerprint.OfFile(Path.Combine(encoderDir, EncoderFiles.SafetensorsFile)),
            });
        ClassifierTraining.Run(plan, data, settings, outputDir, progress, log);
    }
}
