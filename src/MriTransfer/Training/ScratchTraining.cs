using System.Text.Json.Nodes;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Models;
using MriTransfer.Randomness;
using MriTransfer.Training.Settings;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// The TrainScratch stage: the same classifier from random weights (seeded by <c>train.seed</c>), everything trained,
/// on the same data, for the transfer route's whole budget: <c>classifier.epochs</c> + <c>finetune.epochs</c>.
/// </summary>
public static class ScratchTraining
{
    public static void Run(string btDir, string outputDir, ClassifierSettings settings, int fineTuneEpochs, Action<string> progress, Action<string>? log = null)
    {
        set_num_threads(settings.Runtime.TorchThreads);
        var data = ClassifierData.Load(btDir, settings, settings.Model.Architecture);
        var architecture = settings.Model.Architecture(data.Cohort.Mode.SpatialDims());
        manual_seed(Seeds.Derive(settings.Train.Seed, Seeds.Weights));
        using var model = new EncoderClassifier(architecture, settings.Model.Head(data.Classes.Count));
        var plan = new ClassifierPlan("TrainScratch", model,
            [new TrainableGroup(model.parameters().ToList())], [],
            settings.Optimizer.Lr, settings.Classifier.Epochs + fineTuneEpochs, WarmupEpochs: 0,
            new JsonObject { ["init"] = "random" });
        ClassifierTraining.Run(plan, data, settings, outputDir, progress, log);
    }
}
