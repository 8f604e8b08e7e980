using MriTransfer.Randomness;

namespace MriTransfer.Evaluation;

/// <summary>A two-sided percentile interval; <see cref="Resamples"/> counts the resamples where the statistic was defined.</summary>
public sealed record ConfidenceInterval(double Lower, double Upper, int Resamples)
{
    public bool Contains(double value) => Lower <= value && value <= Upper;
    public bool ContainsZero => Contains(0);
}

/// <summary>
/// Subject-level percentile bootstrap. The resampled index sets are drawn once from a seed, so every variant and
/// every paired difference is computed on exactly the same resampled subjects.
/// </summary>
public static class Bootstrap
{
    public static int[][] ResampleIndices(int subjects, int resamples, int seed)
    {
        if (subjects <= 0) throw new ArgumentOutOfRangeException(nameof(subjects), "need at least one subject");
        var random = Seeds.Stream(seed);
        var sets = new int[resamples][];
        for (var r = 0; r < resamples; r++)
        {
            var set = new int[subjects];
            for (var i = 0; i < subjects; i++) set[i] = random.Next(subjects);
            sets[r] = set;
        }
        return sets;
    }

    /// <summary>
    /// Percentile interval at <paramref name="level"/> (e.g. 0.95) of a statistic over the resamples; resamples where
    /// the statistic is undefined (null) are left out. Null when fewer than 2 resamples give a value.
    /// </summary>
    public static ConfidenceInterval? Percentile(IReadOnlyList<int[]> resamples, Func<int[], double?> statistic, double level)
    {
        var values = new List<double>(resamples.Count);
        foreach (var set in resamples)
            if (statistic(set) is { } v) values.Add(v);
        if (values.Count < 2) return null;
        values.Sort();
        var alpha = (1 - level) / 2;
        return new ConfidenceInterval(Quantile(values, alpha), Quantile(values, 1 - alpha), values.Count);
    }

    /// <summary>Linear-interpolation quantile of sorted values (Hyndman–Fan type 7, numpy's default).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) throw new ArgumentException("no values", nameof(sorted));
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public static T[] Take<T>(IReadOnlyList<T> items, int[] indices)
    {
        var result = new T[indices.Length];
        for (var i = 0; i < indices.Length; i++) result[i] = items[indices[i]];
        return result;
    }
}
