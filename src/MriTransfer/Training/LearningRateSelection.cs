using System.Text.Json.Nodes;
using MriTransfer.Models;
using MriTransfer.Training.Loop;
using MriTransfer.Training.Settings;

namespace MriTransfer.Training;

/// <summary>
/// An arm's learning rate chosen on BT validation only (<c>classifier.lr_grid</c>, <c>finetune.lr_grid</c>): the arm
/// trains once per grid value from the same initialisation and seed, and the run whose kept epoch scores best by
/// <c>classifier.monitor</c> (ties: the earlier grid value) is published; training.json's <c>lr_selection</c> lists every
/// candidate's val balanced accuracy and loss. An empty grid is the single configured lr (no selection).
/// </summary>
internal static class LearningRateSelection
{
    /// <param name="plan">builds the arm's plan (a new model, same seed) at a base lr.</param>
    public static void Run(IReadOnlyList<double> grid, double configuredLr, Func<double, ClassifierPlan> plan, ClassifierData data,
        ClassifierSettings settings, string outputDir, Action<string> progress, Action<string>? log)
    {
        if (grid.Count == 0)
        {
            var single = plan(configuredLr);
            using (single.Model) ClassifierTraining.Run(single, data, settings, outputDir, progress, log);
            return;
        }
        var isBetter = Monitors.Named(settings.Classifier.Monitor);
        var candidates = new List<(double Lr, string Dir, ValidationScore Score)>();
        for (var i = 0; i < grid.Count; i++)
        {
            var dir = Path.Combine(outputDir, $".lr-candidate-{i}");
            Directory.CreateDirectory(dir);
            var candidate = plan(grid[i]);
            using (candidate.Model)
                ClassifierTraining.Run(candidate, data, settings, dir, line => progress($"lr {grid[i]:G3}: {line}"), log);
            var record = ModelFiles.ReadJson(Path.Combine(dir, TrainingRecord.FileName));
            candidates.Add((grid[i], dir, new ValidationScore((double)record["best_val_loss"]!, (double?)record["best_val_balanced_accuracy"])));
        }
        var best = candidates[0];
        foreach (var c in candidates.Skip(1)) if (isBetter(c.Score, best.Score)) best = c;
        foreach (var file in Directory.GetFiles(best.Dir)) File.Move(file, Path.Combine(outputDir, Path.GetFileName(file)), overwrite: true);
        foreach (var c in candidates) Directory.Delete(c.Dir, recursive: true);

        var path = Path.Combine(outputDir, TrainingRecord.FileName);
        var training = ModelFiles.ReadJson(path).AsObject();
        training["lr_selection"] = new JsonObject
        {
            ["selected_base_lr"] = best.Lr,
            ["by"] = settings.Classifier.Monitor + " on BT val",
            ["candidates"] = new JsonArray(candidates.Select(c => (JsonNode)new JsonObject
            {
                ["base_lr"] = c.Lr,
                ["best_val_balanced_accuracy"] = c.Score.BalancedAccuracy,
                ["best_val_loss"] = c.Score.Loss,
            }).ToArray()),
        };
        ModelFiles.WriteJson(path, training);
    }
}
