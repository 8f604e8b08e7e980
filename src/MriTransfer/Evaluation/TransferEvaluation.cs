using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;

namespace MriTransfer.Evaluation;

/// <summary>The representation-transfer signals: linear probe on frozen-encoder features and autoencoder reconstruction error.</summary>
public static class TransferEvaluation
{
    public static LinearProbeResult LinearProbe(float[][] trainFeatures, IReadOnlyList<int> trainLabels, float[][] testFeatures,
        IReadOnlyList<int> testLabels, int classCount, LinearProbeSettings settings, IReadOnlyList<int[]> resamples, double ciLevel)
    {
        var probe = Evaluation.LinearProbe.Fit(trainFeatures, trainLabels, classCount, settings);
        var predicted = testFeatures.Select(f => SubjectPrediction.ArgMax(probe.PredictProbabilities(f))).ToArray();
        var truth = testLabels.ToArray();
        var ci = Bootstrap.Percentile(resamples,
            set => ClassificationMetrics.BalancedAccuracy(Bootstrap.Take(truth, set), Bootstrap.Take(predicted, set), classCount), ciLevel);
        return new LinearProbeResult(trainFeatures.Length, testFeatures.Length, trainFeatures[0].Length,
            ClassificationMetrics.Accuracy(truth, predicted), ClassificationMetrics.BalancedAccuracy(truth, predicted, classCount), ci,
            ClassificationMetrics.MacroF1(truth, predicted, classCount), probe.FinalLoss);
    }

    /// <summary>MSE per subject, and the first <paramref name="examples"/> (input, reconstruction) pairs by subject id for the report.</summary>
    public static (ReconstructionSummary Summary, IReadOnlyList<(PreprocessedSubject Subject, Volume Input, Volume Output, double Mse)> Examples)
        Reconstruction(string cohortName, IReadOnlyList<PreprocessedSubject> subjects, Func<PreprocessedSubject, Volume> read,
            Func<Volume, Volume> reconstruct, int examples)
    {
        var mses = new List<double>(subjects.Count);
        var kept = new List<(PreprocessedSubject, Volume, Volume, double)>();
        foreach (var subject in subjects.OrderBy(s => s.SubjectId, StringComparer.Ordinal))
        {
            var input = read(subject);
            var output = reconstruct(input);
            var mse = ReconstructionError.MeanSquaredError(input, output);
            mses.Add(mse);
            if (kept.Count < examples) kept.Add((subject, input, output, mse));
        }
        return (ReconstructionError.Summarize(cohortName, mses), kept);
    }
}
