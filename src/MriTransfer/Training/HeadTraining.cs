using System.Text.Json.Nodes;
using MriTransfer.Models;
using MriTransfer.Training.Settings;

namespace MriTransfer.Training;

/// <summary>
/// The TrainHead stage: the classifier built from <c>model.*</c>, its encoder loaded strictly from ExportEncoder's
/// output and frozen (no gradients, normalisation in eval mode with its pretraining statistics, or with statistics
/// re-estimated on BT train when <c>head.adapt_norm</c> is on); its readout features are computed once per sample (and
/// per flipped sample with flips on), before the learning-rate candidates, and every candidate's head trains on them.
/// </summary>
public static class HeadTraining
{
    /// <param name="head">head.* (null = defaults: no norm adaptation).</param>
    public static void Run(string encoderDir, string btDir, string outputDir, ClassifierSettings settings, Action<string> progress,
        Action<string>? log = null, HeadOptions? head = null)
    {
        head ??= new HeadOptions(AdaptNorm: false);
        var data = ClassifierTraining.LoadData(btDir, settings);
        var pretrainSeed = (int?)EncoderFiles.ReadCard(encoderDir)["seed"];
        using var frozen = ClassifierTraining.NewModel(data, settings);
        EncoderFiles.LoadInto(frozen.Encoder, encoderDir);
        Freezing.Freeze(frozen.Encoder);
        var adapted = head.AdaptNorm ? NormAdaptation.Adapt(frozen.Encoder, data.Train, settings.Classifier.BatchSize) : 0;
        using var stored = StoredFeatures.Compute(frozen, data, settings.Classifier.BatchSize, settings.Classifier.Augment.Flip);
        ClassifierPlan Plan(double lr)
        {
            var model = ClassifierTraining.NewModel(data, settings);
            model.Encoder.load_state_dict(frozen.Encoder.state_dict());
            Freezing.Freeze(model.Encoder);
            return new ClassifierPlan("TrainHead", model,
                [new TrainableGroup([.. model.Readout.parameters(), .. model.Head.parameters()], Name: "head")], [model.Encoder],
                lr, settings.Classifier.Epochs, settings.Classifier.WarmupEpochs,
                new JsonObject
                {
                    ["init"] = "exported encoder (frozen)",
                    ["encoder_safetensors_sha256"] = Fingerprint.OfFile(Path.Combine(encoderDir, EncoderFiles.SafetensorsFile)),
                    ["encoder_norm_statistics"] = adapted > 0 ? $"re-estimated on BT train (AdaBN, {adapted} layers)"
                        : model.Architecture.Norm == "batch" ? "from pretraining (eval mode)" : $"none ({model.Architecture.Norm} norm normalises each volume by itself)",
                    ["augmentation"] = settings.Classifier.Augment.Flip ? "flips (features of the flipped volumes cached too); no other augmentation" : "none",
                },
                Stored: stored, ProbeEncoder: "exported encoder", PretrainSeed: pretrainSeed);
        }
        LearningRateSelection.Run(settings.Classifier.LrGrid, settings.Optimizer.Lr, Plan, data, settings, outputDir, progress, log);
    }
}
