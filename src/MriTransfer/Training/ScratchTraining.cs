using System.Text.Json.Nodes;
using MriTransfer.Models;
using MriTransfer.Training.Settings;

namespace MriTransfer.Training;

/// <summary>
/// The TrainScratch stage: the same classifier from random weights (seeded by <c>train.seed</c>), everything trained,
/// on the same data, for the transfer route's whole budget: <c>classifier.epochs</c> + <c>finetune.epochs</c>.
/// </summary>
public static class ScratchTraining
{
    public static void Run(string btDir, string outputDir, ClassifierSettings settings, int fineTuneEpochs, Action<string> progress, Action<string>? log = null)
    {
        var (data, created) = ClassifierTraining.Start(btDir, settings);
        using var model = created;
        var plan = new ClassifierPlan("TrainScratch", model,
            [new TrainableGroup(model.parameters().ToList())], [],
            settings.Optimizer.Lr, settings.Classifier.Epochs + fineTuneEpochs, WarmupEpochs: 0,
            new JsonObject { ["init"] = "random" });
        ClassifierTraining.Run(plan, data, settings, outputDir, progress, log);
    }
}
