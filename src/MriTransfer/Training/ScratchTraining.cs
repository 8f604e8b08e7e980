using System.Text.Json.Nodes;
using MriTransfer.Models;
using MriTransfer.Training.Settings;

namespace MriTransfer.Training;

/// <summary>
/// The TrainScratch stage: the same classifier (same readout) from random weights (seeded by <c>train.seed</c>),
/// everything trained, on the same subjects with the same epochs, warm-up, schedule and batches as FineTune, so both
/// take the same number of gradient steps.
/// </summary>
public static class ScratchTraining
{
    public static void Run(string btDir, string outputDir, ClassifierSettings settings, Action<string> progress, Action<string>? log = null)
    {
        var data = ClassifierTraining.LoadData(btDir, settings);
        ClassifierPlan Plan(double lr)
        {
            var model = ClassifierTraining.NewModel(data, settings);
            return new ClassifierPlan("TrainScratch", model,
                [new TrainableGroup(model.Encoder.parameters().ToList(), Name: "encoder"),
                 new TrainableGroup([.. model.Readout.parameters(), .. model.Head.parameters()], Name: "head")], [],
                lr, settings.Classifier.Epochs, settings.Classifier.WarmupEpochs,
                new JsonObject { ["init"] = "random" }, ProbeEncoder: "random");
        }
        LearningRateSelection.Run(settings.Classifier.LrGrid, settings.Optimizer.Lr, Plan, data, settings, outputDir, progress, log);
    }
}
