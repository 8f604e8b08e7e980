using MriTransfer.Imaging;

namespace MriTransfer.Evaluation;

/// <summary>Mean and sample standard deviation of per-subject reconstruction MSE over one cohort split.</summary>
public sealed record ReconstructionSummary(string Cohort, int Subjects, double MeanMse, double? SdMse);

public static class ReconstructionError
{
    /// <summary>Mean squared voxel difference; the two volumes must have the same shape.</summary>
    public static double MeanSquaredError(Volume input, Volume reconstruction)
    {
        if (!input.Shape.SequenceEqual(reconstruction.Shape))
            throw new ArgumentException(
                $"reconstruction shape [{string.Join(", ", reconstruction.Shape)}] differs from input shape [{string.Join(", ", input.Shape)}]");
        double sum = 0;
        for (var i = 0; i < input.Data.Length; i++)
        {
            var diff = (double)input.Data[i] - reconstruction.Data[i];
            sum += diff * diff;
        }
        return sum / input.Data.Length;
    }

    public static ReconstructionSummary Summarize(string cohort, IReadOnlyList<double> mses)
    {
        if (mses.Count == 0) throw new ArgumentException($"no {cohort} subjects to summarize", nameof(mses));
        var mean = mses.Average();
        double? sd = mses.Count > 1 ? Math.Sqrt(mses.Sum(m => (m - mean) * (m - mean)) / (mses.Count - 1)) : null;
        return new ReconstructionSummary(cohort, mses.Count, mean, sd);
    }
}
