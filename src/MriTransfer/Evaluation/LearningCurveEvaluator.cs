using MriTransfer.Cohorts.Preprocessed;

namespace MriTransfer.Evaluation;

/// <summary>
/// The LearningCurveSummary stage's entry point: scores each cell's trained classifier on the BT test subjects (the
/// same way Evaluate does), aggregates mean ± sd of balanced accuracy per (variant, fraction), and writes
/// learning_curve.csv and learning_curve.json.
/// </summary>
public static class LearningCurveEvaluator
{
    public static IReadOnlyList<LearningCurvePoint> Run(PreprocessedCohort bt, IReadOnlyDictionary<string, string> cellInputs,
        EvaluateServices services, string outputDir, Action<string> progress)
    {
        if (cellInputs.Count == 0) throw new EvaluationInputException("no learning-curve cells given; pass --input cell:<variant>/fraction-<f>_seed-<s>=<trained classifier folder> (one per learning-curve matrix instance)");
        var cells = cellInputs.Select(kv => (Cell: LearningCurveCell.Parse(kv.Key), Dir: kv.Value)).ToList();
        var test = bt.Split("test").OrderBy(s => s.SubjectId, StringComparer.Ordinal).ToList();
        if (test.Count == 0) throw new EvaluationInputException($"{Path.Combine(bt.Root, "index.csv")}: no subjects with split 'test'");
        var volumes = test.Select(s => services.ReadVolume(bt.PathOf(s))).ToList();

        var results = new List<LearningCurveCellResult>();
        foreach (var (cell, dir) in cells.OrderBy(c => c.Cell.ToString(), StringComparer.Ordinal))
        {
            progress($"learning curve: scoring {cell} ({results.Count + 1}/{cells.Count})");
            using var classifier = services.LoadClassifier(dir);
            var rows = VariantPredictor.Predict(cell.ToString(), classifier, bt.Classes, test, volumes);
            var (truth, predicted) = VariantEvaluator.Indices(bt.Classes, rows);
            results.Add(new LearningCurveCellResult(cell, test.Count, ClassificationMetrics.Accuracy(truth, predicted),
                ClassificationMetrics.BalancedAccuracy(truth, predicted, bt.Classes.Count)));
        }
        var points = LearningCurve.Aggregate(results);
        LearningCurve.Write(outputDir, results, points);
        return points;
    }
}
