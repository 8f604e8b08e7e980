using System.Text.Json.Nodes;
using MriTransfer.Models;
using MriTransfer.Training.Settings;

namespace MriTransfer.Training;

/// <summary>
/// The TrainScratch stage: the same classifier (same readout) from random weights (seeded by <c>train.seed</c>),
/// everything trained, on the same subjects with the same epochs, warm-up, schedule and batches as FineTune, so both
/// take the same number of gradient steps. A random encoder's batch-norm running statistics are placeholders (mean 0,
/// variance 1) that the encoder's training-mode batch statistics are far from, so they are first estimated on BT train
/// (<see cref="NormAdaptation"/>, weights unchanged) before the head's standardisation is fitted: otherwise the
/// standardisation, fitted in eval mode, scaled the training-mode features by orders of magnitude (seen: first-epoch
/// losses of 6·10⁴ under the multiscale readout).
/// </summary>
public static class ScratchTraining
{
    public static void Run(string btDir, string outputDir, ClassifierSettings settings, Action<string> progress, Action<string>? log = null)
    {
        var data = ClassifierTraining.LoadData(btDir, settings);
        ClassifierPlan Plan(double lr)
        {
            var model = ClassifierTraining.NewModel(data, settings);
            var adapted = NormAdaptation.Adapt(model.Encoder, data.Train, settings.Classifier.BatchSize);
            return new ClassifierPlan("TrainScratch", model,
                [new TrainableGroup(model.Encoder.parameters().ToList(), Name: "encoder"),
                 new TrainableGroup([.. model.Readout.parameters(), .. model.Head.parameters()], Name: "head")], [],
                lr, settings.Classifier.Epochs, settings.Classifier.WarmupEpochs,
                new JsonObject
                {
                    ["init"] = "random",
                    ["encoder_norm_statistics"] = adapted > 0 ? $"estimated on BT train before training ({adapted} layers)" : "none (no batch norm)",
                }, ProbeEncoder: "random");
        }
        LearningRateSelection.Run(settings.Classifier.LrGrid, settings.Optimizer.Lr, Plan, data, settings, outputDir, progress, log);
    }
}
