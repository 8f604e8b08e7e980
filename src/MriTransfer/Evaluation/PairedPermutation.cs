using MriTransfer.Randomness;

namespace MriTransfer.Evaluation;

/// <summary>A paired permutation test's result: the observed statistic, its two-sided p-value and how it was computed.</summary>
public sealed record PermutationTestResult(double Observed, double PValue, int Permutations, bool Exact);

/// <summary>
/// Patient-level paired permutation test of "two classifiers score the same" on the same test scans. Under H0 the two
/// classifiers' predictions are exchangeable within each patient, so each patient's predictions (all of its scans
/// together) are swapped between the two with probability 1/2 — a sign flip of that patient's contribution — and the
/// metric difference is recomputed. Works for any metric, including balanced accuracy, which is not a mean over scans.
/// p = share of relabelings whose |difference| is at least the observed one: exact over all 2^patients relabelings when
/// they are no more than <c>permutations</c>, otherwise (1 + hits) / (1 + permutations) from random relabelings.
/// </summary>
public static class PairedPermutation
{
    private const double Tolerance = 1e-12;

    public static PermutationTestResult Test(PatientClusters clusters, int[] truth, int[] first, int[] second,
        Func<int[], int[], double> metric, int permutations, int seed)
    {
        if (first.Length != clusters.Scans || second.Length != clusters.Scans || truth.Length != clusters.Scans)
            throw new ArgumentException("truth, both predictions and the clusters must cover the same scans");
        if (permutations < 1) throw new ArgumentOutOfRangeException(nameof(permutations), "need at least one permutation");
        var observed = metric(truth, first) - metric(truth, second);
        var a = (int[])first.Clone();
        var b = (int[])second.Clone();
        double Relabelled(Func<int, bool> swap)
        {
            for (var p = 0; p < clusters.Patients; p++)
            {
                var s = swap(p);
                foreach (var i in clusters.Members[p]) { a[i] = s ? second[i] : first[i]; b[i] = s ? first[i] : second[i]; }
            }
            return metric(truth, a) - metric(truth, b);
        }
        bool AtLeastAsExtreme(double d) => Math.Abs(d) >= Math.Abs(observed) - Tolerance;

        if (clusters.Patients < 31 && (1L << clusters.Patients) <= permutations)
        {
            var all = 1L << clusters.Patients;
            long hits = 0;
            for (long mask = 0; mask < all; mask++)
            {
                var m = mask;
                if (AtLeastAsExtreme(Relabelled(p => ((m >> p) & 1) == 1))) hits++;
            }
            return new PermutationTestResult(observed, (double)hits / all, (int)all, Exact: true);
        }
        var random = Seeds.Stream(seed);
        var flips = new bool[clusters.Patients];
        var count = 0;
        for (var r = 0; r < permutations; r++)
        {
            for (var p = 0; p < flips.Length; p++) flips[p] = random.Next(2) == 1;
            if (AtLeastAsExtreme(Relabelled(p => flips[p]))) count++;
        }
        return new PermutationTestResult(observed, (1.0 + count) / (1.0 + permutations), permutations, Exact: false);
    }
}
