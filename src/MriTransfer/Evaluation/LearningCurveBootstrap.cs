using MriTransfer.Randomness;

namespace MriTransfer.Evaluation;

/// <summary>A variant's mean-over-seeds minus the baseline's at one label fraction, with its interval and p-values.</summary>
public sealed record LearningCurveDifference(string Variant, string Baseline, double Fraction, int Seeds, double Difference,
    ConfidenceInterval? Ci, double? PValue, double? HolmPValue);

/// <summary><c>evaluate.bootstrap_resamples</c>, <c>.seed</c>, <c>.ci_level</c>, <c>.baseline</c> as the learning curve uses them.</summary>
public sealed record LearningCurveStatistics(int BootstrapResamples, int Seed, double CiLevel, string Baseline);

/// <summary>
/// Hierarchical (two-stage) bootstrap of the learning curve: each resample draws the training seeds with replacement
/// (seed-to-seed training variance) and, independently, the test patients with replacement (all scans of a drawn
/// patient together); a point's statistic is the mean over the drawn seeds of balanced accuracy on the drawn patients.
/// A variant and the baseline share each resample's seeds and patients, so differences are paired (seed i of one arm
/// with seed i of the other: the same data order and label subset). Differences get a two-sided bootstrap p-value,
/// 2 · (1 + resamples on the far side of 0) / (1 + resamples), capped at 1, Holm-adjusted over every (variant,
/// fraction) difference shown. With few seeds the seed stage is coarse: 3 seeds give at most 10 distinct seed draws.
/// </summary>
public static class LearningCurveBootstrap
{
    public static (IReadOnlyList<LearningCurvePoint> Points, IReadOnlyList<LearningCurveDifference> Differences) Run(
        IReadOnlyList<(LearningCurveCell Cell, int[] Predicted)> cells, int[] truth, int classCount, PatientClusters clusters,
        LearningCurveStatistics statistics)
    {
        var seeds = cells.Select(c => c.Cell.Seed).Distinct().Order().ToArray();
        var byCell = cells.ToDictionary(c => (c.Cell.Variant, c.Cell.Fraction, c.Cell.Seed), c => c.Predicted);
        var keys = cells.Select(c => (c.Cell.Variant, c.Cell.Fraction)).Distinct()
            .OrderBy(k => k.Variant, StringComparer.Ordinal).ThenBy(k => k.Fraction).ToList();

        var patientSets = clusters.Resample(statistics.BootstrapResamples, statistics.Seed);
        var seedStream = Seeds.Stream(statistics.Seed + 1);
        var seedDraws = patientSets.Select(_ => Enumerable.Range(0, seeds.Length).Select(_ => seeds[seedStream.Next(seeds.Length)]).ToArray()).ToArray();

        // balanced accuracy of every cell on every patient resample, computed once
        var resampledTruth = patientSets.Select(set => Bootstrap.Take(truth, set)).ToArray();
        var scores = cells.ToDictionary(c => (c.Cell.Variant, c.Cell.Fraction, c.Cell.Seed),
            c => patientSets.Select((set, r) => ClassificationMetrics.BalancedAccuracy(resampledTruth[r], Bootstrap.Take(c.Predicted, set), classCount)).ToArray());
        var full = cells.ToDictionary(c => (c.Cell.Variant, c.Cell.Fraction, c.Cell.Seed),
            c => ClassificationMetrics.BalancedAccuracy(truth, c.Predicted, classCount));

        double? MeanOverDrawn((string Variant, double Fraction) key, int r)
        {
            double sum = 0;
            var n = 0;
            foreach (var s in seedDraws[r])
                if (scores.TryGetValue((key.Variant, key.Fraction, s), out var values)) { sum += values[r]; n++; }
            return n == 0 ? null : sum / n;
        }
        double MeanFull((string Variant, double Fraction) key) =>
            seeds.Where(s => full.ContainsKey((key.Variant, key.Fraction, s))).Average(s => full[(key.Variant, key.Fraction, s)]);
        int SeedCount((string Variant, double Fraction) key) => seeds.Count(s => byCell.ContainsKey((key.Variant, key.Fraction, s)));

        var resampleIndex = Enumerable.Range(0, patientSets.Length).Select(r => new[] { r }).ToList();
        var points = keys.Select(key =>
        {
            var values = seeds.Where(s => full.ContainsKey((key.Variant, key.Fraction, s))).Select(s => full[(key.Variant, key.Fraction, s)]).ToList();
            var mean = values.Average();
            double? sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : null;
            var ci = Bootstrap.Percentile(resampleIndex, r => MeanOverDrawn(key, r[0]), statistics.CiLevel);
            return new LearningCurvePoint(key.Variant, key.Fraction, values.Count, mean, sd, ci);
        }).ToList();

        var differences = new List<LearningCurveDifference>();
        foreach (var key in keys.Where(k => k.Variant != statistics.Baseline))
        {
            var baseKey = (statistics.Baseline, key.Fraction);
            if (!keys.Contains(baseKey)) continue;
            double? Diff(int r) => MeanOverDrawn(key, r) is { } v && MeanOverDrawn(baseKey, r) is { } b ? v - b : null;
            var ci = Bootstrap.Percentile(resampleIndex, r => Diff(r[0]), statistics.CiLevel);
            var draws = Enumerable.Range(0, patientSets.Length).Select(Diff).Where(d => d is not null).Select(d => d!.Value).ToList();
            double? p = draws.Count == 0 ? null
                : Math.Min(1.0, 2.0 * (1 + Math.Min(draws.Count(d => d <= 0), draws.Count(d => d >= 0))) / (1.0 + draws.Count));
            differences.Add(new LearningCurveDifference(key.Variant, statistics.Baseline, key.Fraction, Math.Min(SeedCount(key), SeedCount(baseKey)),
                MeanFull(key) - MeanFull(baseKey), ci, p, null));
        }
        var holm = Holm.Adjust(differences.Select(d => d.PValue).ToList());
        return (points, differences.Select((d, i) => d with { HolmPValue = holm[i] }).ToList());
    }
}
