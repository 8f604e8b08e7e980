namespace MriTransfer.Evaluation;

/// <summary>Every metric of one variant on the test subjects, with percentile bootstrap intervals.</summary>
public sealed record VariantMetrics(
    string Name,
    string Kind,
    IReadOnlyList<string> Classes,
    int Subjects,
    double Accuracy,
    ConfidenceInterval? AccuracyCi,
    double BalancedAccuracy,
    ConfidenceInterval? BalancedAccuracyCi,
    double MacroF1,
    ConfidenceInterval? MacroF1Ci,
    MacroAuc RocAuc,
    ConfidenceInterval? MacroRocAucCi,
    IReadOnlyList<ClassScores> PerClass,
    int[,] ConfusionMatrix);

/// <summary>Computes <see cref="VariantMetrics"/> from one variant's predictions.</summary>
public static class VariantEvaluator
{
    public static VariantMetrics Evaluate(string name, string kind, IReadOnlyList<string> classes,
        IReadOnlyList<SubjectPrediction> predictions, IReadOnlyList<int[]> resamples, double ciLevel)
    {
        var (truth, predicted) = Indices(classes, predictions);
        var probabilities = predictions.Select(p => p.Probabilities).ToArray();
        var k = classes.Count;
        var confusion = ClassificationMetrics.ConfusionMatrix(truth, predicted, k);
        var auc = RocAuc.MacroOneVsRest(truth, probabilities, k);
        var resampledAuc = new ResampledAuc(truth, probabilities, k);

        ConfidenceInterval? Ci(Func<int[], int[], double[][], double?> statistic) => Bootstrap.Percentile(
            resamples, set => statistic(Bootstrap.Take(truth, set), Bootstrap.Take(predicted, set), Bootstrap.Take(probabilities, set)), ciLevel);

        return new VariantMetrics(name, kind, classes, predictions.Count,
            ClassificationMetrics.Accuracy(truth, predicted),
            Ci((t, p, _) => ClassificationMetrics.Accuracy(t, p)),
            ClassificationMetrics.BalancedAccuracy(confusion),
            Ci((t, p, _) => ClassificationMetrics.BalancedAccuracy(t, p, k)),
            ClassificationMetrics.MacroF1(confusion),
            Ci((t, p, _) => ClassificationMetrics.MacroF1(t, p, k)),
            auc,
            Bootstrap.Percentile(resamples, resampledAuc.Macro, ciLevel),
            ClassificationMetrics.PerClassFromConfusion(confusion, classes),
            confusion);
    }

    /// <summary>True and predicted class indices; a label outside <paramref name="classes"/> is a data error naming the subject.</summary>
    public static (int[] Truth, int[] Predicted) Indices(IReadOnlyList<string> classes, IReadOnlyList<SubjectPrediction> predictions)
    {
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var problems = new List<string>();
        int Lookup(string label, string subject, string field)
        {
            if (index.TryGetValue(label, out var i)) return i;
            problems.Add($"subject {subject}: {field} '{label}' is not one of the classes [{string.Join(", ", classes)}]");
            return 0;
        }
        var truth = predictions.Select(p => Lookup(p.TrueLabel, p.SubjectId, "true_label")).ToArray();
        var predicted = predictions.Select(p => Lookup(p.PredictedLabel, p.SubjectId, "predicted_label")).ToArray();
        if (problems.Count > 0) throw new EvaluationInputException(problems);
        return (truth, predicted);
    }
}
