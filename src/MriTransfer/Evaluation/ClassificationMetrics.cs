namespace MriTransfer.Evaluation;

/// <summary>
/// Per-class scores of one classifier on one set of subjects. <see cref="Precision"/> is null when the class was
/// never predicted, <see cref="Recall"/> is null when the class never occurs in the truth (both 0/0);
/// <see cref="F1"/> = 2TP / (2TP + FP + FN), null only when the class neither occurs nor is predicted.
/// </summary>
public sealed record ClassScores(string Label, int Support, int Predicted, double? Precision, double? Recall, double? F1);

/// <summary>
/// Label-based metrics on class indices (0..classCount-1). Conventions follow scikit-learn: balanced accuracy is
/// the mean recall over classes present in the truth; macro-F1 averages F1 over classes present in the truth or in
/// the predictions.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>counts[true, predicted].</summary>
    public static int[,] ConfusionMatrix(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classCount)
    {
        CheckSameLength(truth, predicted);
        var counts = new int[classCount, classCount];
        for (var i = 0; i < truth.Count; i++) counts[truth[i], predicted[i]]++;
        return counts;
    }

    public static double Accuracy(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        CheckSameLength(truth, predicted);
        if (truth.Count == 0) throw new ArgumentException("no subjects to score", nameof(truth));
        var correct = 0;
        for (var i = 0; i < truth.Count; i++) if (truth[i] == predicted[i]) correct++;
        return (double)correct / truth.Count;
    }

    public static double BalancedAccuracy(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classCount) =>
        BalancedAccuracy(ConfusionMatrix(truth, predicted, classCount));

    public static double BalancedAccuracy(int[,] confusion)
    {
        var recalls = PerClassFromConfusion(confusion, null).Where(s => s.Recall is not null).Select(s => s.Recall!.Value).ToList();
        if (recalls.Count == 0) throw new ArgumentException("no subjects to score", nameof(confusion));
        return recalls.Average();
    }

    public static double MacroF1(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classCount) =>
        MacroF1(ConfusionMatrix(truth, predicted, classCount));

    public static double MacroF1(int[,] confusion)
    {
        var f1 = PerClassFromConfusion(confusion, null).Where(s => s.F1 is not null).Select(s => s.F1!.Value).ToList();
        if (f1.Count == 0) throw new ArgumentException("no subjects to score", nameof(confusion));
        return f1.Average();
    }

    public static IReadOnlyList<ClassScores> PerClass(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<string> classes) =>
        PerClassFromConfusion(ConfusionMatrix(truth, predicted, classes.Count), classes);

    public static IReadOnlyList<ClassScores> PerClassFromConfusion(int[,] confusion, IReadOnlyList<string>? classes)
    {
        var k = confusion.GetLength(0);
        var scores = new List<ClassScores>(k);
        for (var c = 0; c < k; c++)
        {
            int tp = confusion[c, c], support = 0, predictedCount = 0;
            for (var j = 0; j < k; j++)
            {
                support += confusion[c, j];
                predictedCount += confusion[j, c];
            }
            int fn = support - tp, fp = predictedCount - tp;
            double? precision = predictedCount > 0 ? (double)tp / predictedCount : null;
            double? recall = support > 0 ? (double)tp / support : null;
            double? f1 = support + predictedCount > 0 ? 2.0 * tp / (2.0 * tp + fp + fn) : null;
            scores.Add(new ClassScores(classes?[c] ?? c.ToString(System.Globalization.CultureInfo.InvariantCulture), support, predictedCount, precision, recall, f1));
        }
        return scores;
    }

    private static void CheckSameLength(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        if (truth.Count != predicted.Count)
            throw new ArgumentException($"truth has {truth.Count} subjects but predictions have {predicted.Count}");
    }
}
