using System.Text.Json.Nodes;
using MriTransfer.Models;
using MriTransfer.Training.Settings;

namespace MriTransfer.Training;

/// <summary>
/// The FineTune stage: starts from TrainHead's classifier (its readout and its head's standardisation included),
/// unfreezes all or the last K encoder blocks (<c>finetune.unfreeze_blocks</c>); encoder lr = <c>finetune.lr</c> ×
/// <c>finetune.encoder_lr_multiplier</c>, head lr = <c>finetune.lr</c>; epochs, warm-up, schedule and batches are
/// <c>classifier.*</c>'s, the same as TrainScratch's. Unfrozen batch norms train on batch statistics as scratch's do.
/// </summary>
public static class FineTuning
{
    public static void Run(string headDir, string btDir, string outputDir, ClassifierSettings classifier, FineTuneSettings settings, Action<string> progress,
        Action<string>? log = null)
    {
        if (settings.UnfreezeBlocks > classifier.Model.Channels.Count)
            throw new ModelConfigurationException(
                $"finetune.unfreeze_blocks = {settings.UnfreezeBlocks} exceeds the encoder's {classifier.Model.Channels.Count} blocks (model.channels); use 0 for all");
        CheckSameSubset(headDir, classifier);
        var pretrainSeed = TrainingRecord.Read(headDir).PretrainSeed;
        var data = ClassifierTraining.LoadData(btDir, classifier);
        using (var template = ClassifierTraining.NewModel(data, classifier)) CheckSameClassifier(headDir, template);
        ClassifierPlan Plan(double lr)
        {
            var model = ClassifierTraining.NewModel(data, classifier);
            ModelFiles.Load(model, Path.Combine(headDir, "model.pt"));
            var (encoderParameters, frozen) = Freezing.SplitEncoder(model.Encoder, settings.UnfreezeBlocks);
            return new ClassifierPlan("FineTune", model,
                [new TrainableGroup(encoderParameters, settings.EncoderLrMultiplier, "encoder"),
                 new TrainableGroup([.. model.Readout.parameters(), .. model.Head.parameters()], Name: "head")],
                frozen, lr, classifier.Classifier.Epochs, classifier.Classifier.WarmupEpochs,
                new JsonObject
                {
                    ["init"] = "TrainHead classifier",
                    ["head_model_sha256"] = Fingerprint.OfFile(Path.Combine(headDir, "model.pt")),
                    ["unfrozen_blocks"] = settings.UnfreezeBlocks == 0 ? model.Architecture.Depth : settings.UnfreezeBlocks,
                    ["encoder_lr_multiplier"] = settings.EncoderLrMultiplier,
                },
                FitStandardizer: false, PretrainSeed: pretrainSeed);
        }
        LearningRateSelection.Run(settings.LrGrid, settings.Lr, Plan, data, classifier, outputDir, progress, log);
    }

    /// <summary>The head's model.json must describe the classifier this stage's params build (architecture, readout, head).</summary>
    private static void CheckSameClassifier(string headDir, EncoderClassifier model)
    {
        var (architecture, head) = (model.Architecture, model.HeadSpec);
        var headDescription = ModelFiles.ReadJson(Path.Combine(headDir, "model.json"));
        var problems = new List<string>();
        if (!EncoderArchitecture.FromJson(headDescription["architecture"]!).Equals(architecture))
            problems.Add($"architecture {headDescription["architecture"]!.ToJsonString()} differs from model.* ({architecture.ToJson().ToJsonString()})");
        if (ReadoutSpec.FromJson(headDescription["readout"]) != model.ReadoutSpec)
            problems.Add($"readout {ReadoutSpec.FromJson(headDescription["readout"]).ToJson().ToJsonString()} differs from model.readout ({model.ReadoutSpec.ToJson().ToJsonString()})");
        if (!ClassifierHeadSpec.FromJson(headDescription["head"]!).Equals(head))
            problems.Add($"head {headDescription["head"]!.ToJsonString()} differs from model.head_hidden/model.dropout/classes ({head.ToJson().ToJsonString()})");
        if (problems.Count > 0)
            throw new ModelConfigurationException(new[] { $"{Path.Combine(headDir, "model.json")}: the TrainHead classifier does not match this stage's params:" }.Concat(problems.Select(p => "  " + p)));

    }

    /// <summary>Fine-tuning must see the same labelled subset as the head it starts from.</summary>
    private static void CheckSameSubset(string headDir, ClassifierSettings settings)
    {
        var fraction = TrainingRecord.Read(headDir).LabelFraction;
        if (Math.Abs(fraction - settings.Train.LabelFraction) > 1e-12)
            throw new TrainingInputException(
                $"{Path.Combine(headDir, "training.json")}: the head was trained with train.label_fraction = {fraction}, but FineTune has {settings.Train.LabelFraction}; both must use the same labelled subset");
    }
}
