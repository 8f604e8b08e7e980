using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Models;

namespace MriTransfer.Evaluation;

/// <summary>
/// The LearningCurveSummary stage's entry point: scores each cell's trained classifier on the BT test subjects (the
/// same way Evaluate does), aggregates mean ± sd of balanced accuracy per (variant, fraction) with hierarchical bootstrap
/// intervals over seeds and test patients, compares every variant with the baseline at each fraction (Holm-adjusted),
/// and writes learning_curve.csv, learning_curve_differences.csv and learning_curve.json.
/// </summary>
public static class LearningCurveEvaluator
{
    /// <param name="cells">the trained classifier folders of each variant's cells; a folder says which cell it is (its training.json).</param>
    public static IReadOnlyList<LearningCurvePoint> Run(PreprocessedCohort bt, IReadOnlyDictionary<string, IReadOnlyList<string>> cells,
        LearningCurveStatistics statistics, EvaluateServices services, string outputDir, Action<string> progress)
    {
        var identified = Identify(cells);
        var test = bt.Split("test").OrderBy(s => s.SubjectId, StringComparer.Ordinal).ToList();
        if (test.Count == 0) throw new EvaluationInputException($"{Path.Combine(bt.Root, "index.csv")}: no subjects with split 'test'");
        var volumes = test.Select(s => services.ReadVolume(bt.PathOf(s))).ToList();

        var results = new List<LearningCurveCellResult>();
        var predictions = new List<(LearningCurveCell Cell, int[] Predicted)>();
        int[] truth = [];
        foreach (var (cell, dir) in identified)
        {
            progress($"learning curve: scoring {cell} ({results.Count + 1}/{identified.Count})");
            using var classifier = services.LoadClassifier(dir);
            var rows = VariantPredictor.Predict(cell.ToString(), classifier, bt.Classes, test, volumes);
            (truth, var predicted) = VariantEvaluator.Indices(bt.Classes, rows);
            predictions.Add((cell, predicted));
            results.Add(new LearningCurveCellResult(cell, test.Count, ClassificationMetrics.Accuracy(truth, predicted),
                ClassificationMetrics.BalancedAccuracy(truth, predicted, bt.Classes.Count)));
        }
        progress($"learning curve: hierarchical bootstrap over seeds and test patients ({statistics.BootstrapResamples} resamples)");
        var clusters = PatientClusters.Of(test.Select(s => s.PatientId).ToList(), test.Select(s => s.SubjectId).ToList());
        var (points, differences) = LearningCurveBootstrap.Run(predictions, truth, bt.Classes.Count, clusters, statistics);
        LearningCurve.Write(outputDir, results, points, differences, statistics);
        return points;
    }

    /// <summary>Each folder as the cell its training.json records; every folder of a variant must come from one stage, and no cell twice.</summary>
    private static List<(LearningCurveCell Cell, string Dir)> Identify(IReadOnlyDictionary<string, IReadOnlyList<string>> cells)
    {
        if (cells.Values.Sum(c => c.Count) == 0)
            throw new EvaluationInputException("no learning-curve cells given: expected the trained classifier folders of the learning-curve matrix instances");
        var problems = new List<string>();
        var identified = new List<(LearningCurveCell Cell, string Dir)>();
        foreach (var (variant, dirs) in cells.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!EvaluateSettings.IsVariantName(variant)) problems.Add($"learning-curve variant '{variant}' is not a valid variant name (letters, digits, '_' or '-')");
            var records = dirs.Select(d => (Record: TrainingRecord.Read(d), Dir: d)).ToList();
            if (records.Select(r => r.Record.Stage).Distinct().Count() > 1)
                problems.Add($"learning-curve variant '{variant}' mixes cells of stages {string.Join(", ", records.Select(r => r.Record.Stage).Distinct())}: " +
                             string.Join("; ", records.Select(r => $"{r.Dir} ({r.Record.Stage})")));
            foreach (var twice in records.GroupBy(r => (r.Record.LabelFraction, r.Record.Seed, r.Record.PretrainSeed)).Where(g => g.Count() > 1))
                problems.Add($"learning-curve variant '{variant}' has {twice.Count()} cells of label_fraction {twice.Key.LabelFraction}, seed {twice.Key.Seed}" +
                             $"{(twice.Key.PretrainSeed is { } p ? $" and pretrain_seed {p}" : "")} in their training.json: {string.Join(", ", twice.Select(r => r.Dir))}");
            identified.AddRange(records.Select(r => (new LearningCurveCell(variant, r.Record.LabelFraction, r.Record.Seed, r.Record.PretrainSeed), r.Dir)));
        }
        if (problems.Count > 0) throw new EvaluationInputException(problems);
        return identified.OrderBy(c => c.Cell.Variant, StringComparer.Ordinal).ThenBy(c => c.Cell.Fraction).ThenBy(c => c.Cell.PretrainSeed).ThenBy(c => c.Cell.Seed).ToList();
    }
}
