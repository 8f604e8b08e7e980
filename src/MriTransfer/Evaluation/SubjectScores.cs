namespace MriTransfer.Evaluation;

/// <summary>Subject-level loss and balanced accuracy of class probabilities.</summary>
public sealed record SubjectScore(double Loss, double BalancedAccuracy);

/// <summary>
/// Scoring at subject level, the one place training-time validation and Evaluate share: a subject's probabilities are
/// the mean of its samples' (a 2-D subject's slices), its prediction their first largest class, and balanced accuracy
/// is <see cref="ClassificationMetrics.BalancedAccuracy(IReadOnlyList{int}, IReadOnlyList{int}, int)"/>.
/// </summary>
public static class SubjectScores
{
    /// <summary>The mean of each subject's sample probabilities (rows: samples; <paramref name="subjectOf"/>: each sample's subject).</summary>
    public static float[][] MeanBySubject(IReadOnlyList<float[]> sampleProbabilities, IReadOnlyList<int> subjectOf, int subjects)
    {
        var classes = sampleProbabilities.Count > 0 ? sampleProbabilities[0].Length : 0;
        var sums = new double[subjects, classes];
        var counts = new int[subjects];
        for (var i = 0; i < sampleProbabilities.Count; i++)
        {
            counts[subjectOf[i]]++;
            for (var c = 0; c < classes; c++) sums[subjectOf[i], c] += sampleProbabilities[i][c];
        }
        return Enumerable.Range(0, subjects)
            .Select(s => Enumerable.Range(0, classes).Select(c => (float)(sums[s, c] / counts[s])).ToArray()).ToArray();
    }

    /// <summary>
    /// Mean negative log-likelihood of the true classes (probabilities floored at <paramref name="probabilityFloor"/>:
    /// 1e-12 in the encoder classifiers' validation, 1e-7 in the ImageNet variants', as each has always recorded it)
    /// and balanced accuracy.
    /// </summary>
    public static SubjectScore Score(IReadOnlyList<float[]> subjectProbabilities, IReadOnlyList<int> labels, int classes, double probabilityFloor)
    {
        double nll = 0;
        var predicted = new int[subjectProbabilities.Count];
        for (var s = 0; s < subjectProbabilities.Count; s++)
        {
            var p = subjectProbabilities[s];
            predicted[s] = Array.IndexOf(p, p.Max());
            nll -= Math.Log(Math.Max(p[labels[s]], probabilityFloor));
        }
        return new SubjectScore(nll / subjectProbabilities.Count, ClassificationMetrics.BalancedAccuracy(labels, predicted, classes));
    }
}
