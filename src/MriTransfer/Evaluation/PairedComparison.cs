namespace MriTransfer.Evaluation;

/// <summary>
/// A variant against the baseline on the same subjects: difference in balanced accuracy (variant − baseline) with a
/// paired bootstrap interval (both computed on the same resampled subjects), accuracy difference, and McNemar's exact test.
/// </summary>
public sealed record PairedComparisonResult(
    string Variant, string Baseline, double BalancedAccuracyDifference, ConfidenceInterval? BalancedAccuracyDifferenceCi,
    double AccuracyDifference, McNemarResult McNemar);

public static class PairedComparison
{
    public static PairedComparisonResult Compare(string variant, IReadOnlyList<SubjectPrediction> variantPredictions,
        string baseline, IReadOnlyList<SubjectPrediction> baselinePredictions, IReadOnlyList<string> classes,
        IReadOnlyList<int[]> resamples, double ciLevel)
    {
        var aligned = Align(variant, variantPredictions, baseline, baselinePredictions);
        var (truth, predictedV) = VariantEvaluator.Indices(classes, variantPredictions);
        var (_, predictedB) = VariantEvaluator.Indices(classes, aligned);
        var k = classes.Count;

        double Difference(int[] t, int[] v, int[] b) =>
            ClassificationMetrics.BalancedAccuracy(t, v, k) - ClassificationMetrics.BalancedAccuracy(t, b, k);

        var ci = Bootstrap.Percentile(resamples,
            set => Difference(Bootstrap.Take(truth, set), Bootstrap.Take(predictedV, set), Bootstrap.Take(predictedB, set)), ciLevel);
        var variantCorrect = truth.Select((t, i) => predictedV[i] == t).ToList();
        var baselineCorrect = truth.Select((t, i) => predictedB[i] == t).ToList();
        return new PairedComparisonResult(variant, baseline, Difference(truth, predictedV, predictedB), ci,
            ClassificationMetrics.Accuracy(truth, predictedV) - ClassificationMetrics.Accuracy(truth, predictedB),
            McNemar.Exact(variantCorrect, baselineCorrect));
    }

    /// <summary>The baseline's predictions in the variant's subject order; both must cover exactly the same subjects.</summary>
    private static IReadOnlyList<SubjectPrediction> Align(string variant, IReadOnlyList<SubjectPrediction> v, string baseline, IReadOnlyList<SubjectPrediction> b)
    {
        var byId = b.ToDictionary(p => p.SubjectId, StringComparer.Ordinal);
        var missing = v.Where(p => !byId.ContainsKey(p.SubjectId)).Select(p => p.SubjectId).ToList();
        if (missing.Count > 0 || b.Count != v.Count)
            throw new InvalidDataException(
                $"{variant} and {baseline} were not scored on the same subjects (missing from {baseline}: {string.Join(", ", missing.Take(5))})");
        return v.Select(p => byId[p.SubjectId]).ToList();
    }
}
