using MriTransfer.Randomness;

namespace MriTransfer.Evaluation;

/// <summary>A variant's mean over its cells minus the baseline's at one label fraction, with its interval and p-values;
/// <see cref="Seeds"/> training seeds both have, <see cref="PretrainSeeds"/> the variant's pretraining seeds (0: none).</summary>
public sealed record LearningCurveDifference(string Variant, string Baseline, double Fraction, int Seeds, double Difference,
    ConfidenceInterval? Ci, double? PValue, double? HolmPValue, int PretrainSeeds = 0);

/// <summary><c>evaluate.bootstrap_resamples</c>, <c>.seed</c>, <c>.ci_level</c>, <c>.baseline</c> as the learning curve uses them.</summary>
public sealed record LearningCurveStatistics(int BootstrapResamples, int Seed, double CiLevel, string Baseline);

/// <summary>
/// Hierarchical bootstrap of the learning curve: each resample draws the training seeds with replacement
/// (seed-to-seed training variance), the pretraining seeds of the arms that start from a pretrained encoder with
/// replacement (encoder-to-encoder variance; arms whose cells share one set of pretraining seeds share the draw), and,
/// independently, the test patients with replacement (all scans of a drawn patient together); a point's statistic is
/// the mean over the drawn (pretraining seed, training seed) cells of balanced accuracy on the drawn patients.
/// A variant and the baseline share each resample's training seeds and patients, so differences are paired (seed i
/// of one arm with seed i of the other: the same data order and label subset). Differences get a two-sided bootstrap
/// p-value, 2 · (1 + resamples on the far side of 0) / (1 + resamples), capped at 1, Holm-adjusted over every
/// (variant, fraction) difference shown. With few seeds a stage is coarse: 3 seeds give at most 10 distinct draws,
/// 2 pretraining seeds 3.
/// </summary>
public static class LearningCurveBootstrap
{
    public static (IReadOnlyList<LearningCurvePoint> Points, IReadOnlyList<LearningCurveDifference> Differences) Run(
        IReadOnlyList<(LearningCurveCell Cell, int[] Predicted)> cells, int[] truth, int classCount, PatientClusters clusters,
        LearningCurveStatistics statistics)
    {
        var seeds = cells.Select(c => c.Cell.Seed).Distinct().Order().ToArray();
        var keys = cells.Select(c => (c.Cell.Variant, c.Cell.Fraction)).Distinct()
            .OrderBy(k => k.Variant, StringComparer.Ordinal).ThenBy(k => k.Fraction).ToList();

        var patientSets = clusters.Resample(statistics.BootstrapResamples, statistics.Seed);
        var seedStream = Seeds.Stream(statistics.Seed + 1);
        var seedDraws = patientSets.Select(_ => Draw(seeds, seedStream)).ToArray();
        var pretrainDraws = PretrainDraws(cells.Select(c => c.Cell).ToList(), patientSets.Length, Seeds.Stream(statistics.Seed + 2));

        // balanced accuracy of every cell on every patient resample, computed once
        var resampledTruth = patientSets.Select(set => Bootstrap.Take(truth, set)).ToArray();
        var scores = cells.ToDictionary(c => c.Cell,
            c => patientSets.Select((set, r) => ClassificationMetrics.BalancedAccuracy(resampledTruth[r], Bootstrap.Take(c.Predicted, set), classCount)).ToArray());
        var full = cells.ToDictionary(c => c.Cell, c => ClassificationMetrics.BalancedAccuracy(truth, c.Predicted, classCount));
        var cellsOf = cells.Select(c => c.Cell).GroupBy(c => (c.Variant, c.Fraction)).ToDictionary(g => g.Key, g => g.ToList());

        double? MeanOverDrawn((string Variant, double Fraction) key, int r)
        {
            double sum = 0;
            var n = 0;
            foreach (var p in pretrainDraws[key.Variant][r])
                foreach (var s in seedDraws[r])
                    if (scores.TryGetValue(new LearningCurveCell(key.Variant, key.Fraction, s, p), out var values)) { sum += values[r]; n++; }
            return n == 0 ? null : sum / n;
        }

        var resampleIndex = Enumerable.Range(0, patientSets.Length).Select(r => new[] { r }).ToList();
        var points = keys.ToDictionary(key => key, key => LearningCurvePoint.Of(cellsOf[key].Select(c => (c, full[c])).ToList(),
            Bootstrap.Percentile(resampleIndex, r => MeanOverDrawn(key, r[0]), statistics.CiLevel)));

        var differences = new List<LearningCurveDifference>();
        foreach (var key in keys.Where(k => k.Variant != statistics.Baseline))
        {
            var baseKey = (statistics.Baseline, key.Fraction);
            if (!points.TryGetValue(baseKey, out var basePoint)) continue;
            var point = points[key];
            double? Diff(int r) => MeanOverDrawn(key, r) is { } v && MeanOverDrawn(baseKey, r) is { } b ? v - b : null;
            var ci = Bootstrap.Percentile(resampleIndex, r => Diff(r[0]), statistics.CiLevel);
            var draws = Enumerable.Range(0, patientSets.Length).Select(Diff).Where(d => d is not null).Select(d => d!.Value).ToList();
            double? p = draws.Count == 0 ? null
                : Math.Min(1.0, 2.0 * (1 + Math.Min(draws.Count(d => d <= 0), draws.Count(d => d >= 0))) / (1.0 + draws.Count));
            differences.Add(new LearningCurveDifference(key.Variant, statistics.Baseline, key.Fraction, Math.Min(point.Seeds, basePoint.Seeds),
                point.MeanBalancedAccuracy - basePoint.MeanBalancedAccuracy, ci, p, null, point.PretrainSeeds));
        }
        var holm = Holm.Adjust(differences.Select(d => d.PValue).ToList());
        return (keys.Select(k => points[k]).ToList(), differences.Select((d, i) => d with { HolmPValue = holm[i] }).ToList());
    }

    private static T[] Draw<T>(T[] from, Random stream) => Enumerable.Range(0, from.Length).Select(_ => from[stream.Next(from.Length)]).ToArray();

    /// <summary>Per variant, each resample's pretraining seeds: drawn with replacement from the variant's own (one draw per
    /// distinct set, shared by the variants that have it: a head and its fine-tune come from the same encoders); a
    /// single seed, or none (null), is not drawn, so a curve with one pretraining seed resamples exactly as before.</summary>
    private static Dictionary<string, int?[][]> PretrainDraws(IReadOnlyList<LearningCurveCell> cells, int resamples, Random stream)
    {
        var bySet = new Dictionary<string, int?[][]>(StringComparer.Ordinal);
        var draws = new Dictionary<string, int?[][]>(StringComparer.Ordinal);
        foreach (var variant in cells.Select(c => c.Variant).Distinct().Order(StringComparer.Ordinal))
        {
            var set = cells.Where(c => c.Variant == variant).Select(c => c.PretrainSeed).Distinct().Order().ToArray();
            var name = string.Join(",", set);
            if (!bySet.TryGetValue(name, out var draw))
                bySet[name] = draw = Enumerable.Range(0, resamples).Select(_ => set.Length == 1 ? set : Draw(set, stream)).ToArray();
            draws[variant] = draw;
        }
        return draws;
    }
}
