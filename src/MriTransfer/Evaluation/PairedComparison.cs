namespace MriTransfer.Evaluation;

/// <summary>
/// A variant against the baseline on the same test scans: difference in balanced accuracy (variant − baseline) with a
/// paired patient-cluster bootstrap interval (both computed on the same resampled patients), a patient-level paired
/// permutation test of that difference, its Holm-adjusted p-value over the comparisons shown (set by
/// <see cref="PairedComparison.WithHolm"/>), the accuracy difference, and McNemar's exact test on scans for reference
/// (it treats a patient's two scans as independent, so it is not the test the report uses).
/// </summary>
public sealed record PairedComparisonResult(
    string Variant, string Baseline, double BalancedAccuracyDifference, ConfidenceInterval? BalancedAccuracyDifferenceCi,
    double AccuracyDifference, PermutationTestResult Permutation, double? HolmPValue, McNemarResult McNemar);

public static class PairedComparison
{
    public static PairedComparisonResult Compare(string variant, IReadOnlyList<SubjectPrediction> variantPredictions,
        string baseline, IReadOnlyList<SubjectPrediction> baselinePredictions, IReadOnlyList<string> classes,
        PatientClusters clusters, IReadOnlyList<int[]> resamples, double ciLevel, int permutations, int seed)
    {
        var aligned = Align(variant, variantPredictions, baseline, baselinePredictions);
        var (truth, predictedV) = VariantEvaluator.Indices(classes, variantPredictions);
        var (_, predictedB) = VariantEvaluator.Indices(classes, aligned);
        var k = classes.Count;

        double BalancedAccuracy(int[] t, int[] p) => ClassificationMetrics.BalancedAccuracy(t, p, k);
        double Difference(int[] t, int[] v, int[] b) => BalancedAccuracy(t, v) - BalancedAccuracy(t, b);

        var ci = Bootstrap.Percentile(resamples,
            set => Difference(Bootstrap.Take(truth, set), Bootstrap.Take(predictedV, set), Bootstrap.Take(predictedB, set)), ciLevel);
        var permutation = PairedPermutation.Test(clusters, truth, predictedV, predictedB, BalancedAccuracy, permutations, seed);
        var variantCorrect = truth.Select((t, i) => predictedV[i] == t).ToList();
        var baselineCorrect = truth.Select((t, i) => predictedB[i] == t).ToList();
        return new PairedComparisonResult(variant, baseline, Difference(truth, predictedV, predictedB), ci,
            ClassificationMetrics.Accuracy(truth, predictedV) - ClassificationMetrics.Accuracy(truth, predictedB),
            permutation, HolmPValue: null, McNemar.Exact(variantCorrect, baselineCorrect));
    }

    /// <summary>The comparisons with their permutation p-values Holm-adjusted as one family (every arm vs the baseline).</summary>
    public static IReadOnlyList<PairedComparisonResult> WithHolm(IReadOnlyList<PairedComparisonResult> comparisons)
    {
        var adjusted = Holm.Adjust(comparisons.Select(c => c.Permutation.PValue).ToList());
        return comparisons.Select((c, i) => c with { HolmPValue = adjusted[i] }).ToList();
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
