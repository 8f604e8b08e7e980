using MriTransfer.Evaluation;

namespace MriTransfer.Tests.Evaluation;

/// <summary>Intervals and tests resample and permute patients (clusters of scans), and Holm adjusts the family of comparisons.</summary>
public class PatientStatisticsTests
{
    /// <summary>Each patient scanned twice, and both scans always scored alike: 40 patients, half right.</summary>
    private static (PatientClusters Clusters, int[] Truth, int[] Predicted) PerfectlyCorrelatedRepeats()
    {
        var patientIds = Enumerable.Range(0, 80).Select(i => $"p{i / 2:00}").ToList();
        var truth = Enumerable.Range(0, 80).Select(i => i / 2 % 2).ToArray();
        var predicted = Enumerable.Range(0, 80).Select(i => i / 4 % 2 == 0 ? truth[i] : 1 - truth[i]).ToArray();
        return (PatientClusters.Of(patientIds), truth, predicted);
    }

    private static double Width(IReadOnlyList<int[]> resamples, int[] truth, int[] predicted) =>
        Bootstrap.Percentile(resamples, set => ClassificationMetrics.Accuracy(Bootstrap.Take(truth, set), Bootstrap.Take(predicted, set)), 0.95) is { } ci
            ? ci.Upper - ci.Lower : double.NaN;

    [Fact]
    public void Given_perfectly_correlated_repeat_scans_when_bootstrapped_by_patient_then_the_interval_is_wider_than_the_scan_bootstrap()
    {
        var (clusters, truth, predicted) = PerfectlyCorrelatedRepeats();

        var patientWidth = Width(clusters.Resample(4000, 7), truth, predicted);
        var scanWidth = Width(PatientClusters.Singletons(80).Resample(4000, 7), truth, predicted);

        // 40 independent patients, not 80 independent scans: the width grows by about √2
        Assert.InRange(patientWidth / scanWidth, 1.25, 1.6);
    }

    [Fact]
    public void Given_patients_with_two_scans_when_resampled_then_every_resample_holds_both_scans_of_each_drawn_patient_equally_often()
    {
        var (clusters, _, _) = PerfectlyCorrelatedRepeats();

        foreach (var set in clusters.Resample(200, 3))
        {
            var counts = set.GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(clusters.Members, m => Assert.Equal(counts.GetValueOrDefault(m[0]), counts.GetValueOrDefault(m[1])));
            Assert.Equal(80, set.Length);
        }
    }

    [Fact]
    public void Given_scans_without_a_patient_id_when_clustered_then_each_is_its_own_patient()
    {
        var clusters = PatientClusters.Of(["a", "", "a", ""], ["s1", "s2", "s3", "s4"]);

        Assert.Equal(3, clusters.Patients);
        Assert.Equal(1, clusters.PatientsWithRepeats);
        Assert.Contains(clusters.Members, m => m.SequenceEqual([0, 2]));
    }

    [Fact]
    public void Given_four_p_values_when_holm_adjusted_then_they_equal_the_hand_computation_in_the_order_given()
    {
        // sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → running max 0.06
        var adjusted = Holm.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Given_large_p_values_or_an_undefined_one_when_holm_adjusted_then_they_are_capped_at_1_and_the_null_is_not_counted()
    {
        var adjusted = Holm.Adjust(new double?[] { 0.4, null, 0.3 });

        Assert.Equal([0.6, null, 0.6], adjusted.Select(p => p is { } v ? Math.Round(v, 12) : (double?)null));
        Assert.Equal([1.0, 1.0], Holm.Adjust([0.7, 0.9]));
    }

    private static double BalancedAccuracy(int[] truth, int[] predicted) => ClassificationMetrics.BalancedAccuracy(truth, predicted, 2);

    [Fact]
    public void Given_one_arm_right_on_every_patient_and_the_other_wrong_when_permuted_exactly_then_p_is_2_over_2_to_the_patients()
    {
        var truth = Enumerable.Range(0, 10).Select(i => i % 2).ToArray();
        var wrong = truth.Select(t => 1 - t).ToArray();

        var result = PairedPermutation.Test(PatientClusters.Singletons(10), truth, truth, wrong, BalancedAccuracy, permutations: 5000, seed: 1);

        Assert.True(result.Exact);
        Assert.Equal(1.0, result.Observed, 12);
        Assert.Equal(2.0 / 1024, result.PValue, 12); // only "swap none" and "swap all" are as extreme
    }

    [Fact]
    public void Given_the_same_evidence_as_two_scans_per_patient_when_permuted_then_the_p_value_counts_patients_not_scans()
    {
        var patients = Enumerable.Range(0, 12).Select(i => $"p{i / 2}").ToList();
        var truth = Enumerable.Range(0, 12).Select(i => i / 2 % 2).ToArray();
        var wrong = truth.Select(t => 1 - t).ToArray();

        var byPatient = PairedPermutation.Test(PatientClusters.Of(patients), truth, truth, wrong, BalancedAccuracy, 4000, 1);
        var byScan = PairedPermutation.Test(PatientClusters.Singletons(12), truth, truth, wrong, BalancedAccuracy, 4000, 1);

        Assert.True(byPatient.Exact);
        Assert.Equal(2.0 / 64, byPatient.PValue, 12);
        Assert.False(byScan.Exact); // 4096 scan relabelings > 4000: Monte Carlo, 2 in 4096 as extreme
        Assert.InRange(byScan.PValue, 1.0 / 4001, 0.003);
    }

    [Fact]
    public void Given_identical_predictions_when_permuted_then_p_is_1()
    {
        var truth = Enumerable.Range(0, 40).Select(i => i % 2).ToArray();
        var predicted = truth.Select((t, i) => i % 3 == 0 ? 1 - t : t).ToArray();

        var result = PairedPermutation.Test(PatientClusters.Singletons(40), truth, predicted, predicted, BalancedAccuracy, 500, 1);

        Assert.Equal(0.0, result.Observed);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Given_two_seeds_that_disagree_completely_when_the_curve_is_bootstrapped_then_its_interval_covers_the_seed_variance()
    {
        var truth = Enumerable.Range(0, 40).Select(i => i % 2).ToArray();
        var wrong = truth.Select(t => 1 - t).ToArray();
        var cells = new List<(LearningCurveCell, int[])>
        {
            (new LearningCurveCell("head", 1.0, 0), truth), (new LearningCurveCell("head", 1.0, 1), wrong),
            (new LearningCurveCell("scratch", 1.0, 0), truth), (new LearningCurveCell("scratch", 1.0, 1), truth),
        };

        var (points, differences) = LearningCurveBootstrap.Run(cells, truth, 2, PatientClusters.Singletons(40),
            new LearningCurveStatistics(2000, 3, 0.95, "scratch"));

        var head = points.Single(p => p.Variant == "head");
        Assert.Equal(0.5, head.MeanBalancedAccuracy, 12);
        // a patients-only interval would be a point (every patient is right for one seed, wrong for the other);
        // resampling the seeds reaches both 0 and 1
        Assert.Equal(0.0, head.Ci!.Lower, 12);
        Assert.Equal(1.0, head.Ci.Upper, 12);
        var d = Assert.Single(differences);
        Assert.Equal(("head", "scratch", -0.5), (d.Variant, d.Baseline, d.Difference));
        Assert.Equal(d.PValue, d.HolmPValue); // a family of one
    }

    [Fact]
    public void Given_two_pretraining_seeds_that_disagree_completely_when_the_curve_is_bootstrapped_then_its_interval_covers_the_encoder_variance()
    {
        // Given head cells from two encoders (every seed right from pretraining seed 0, wrong from seed 1), one training
        // seed, and a scratch baseline without an encoder
        var truth = Enumerable.Range(0, 40).Select(i => i % 2).ToArray();
        var wrong = truth.Select(t => 1 - t).ToArray();
        var cells = new List<(LearningCurveCell, int[])>
        {
            (new LearningCurveCell("head", 1.0, 0, PretrainSeed: 0), truth), (new LearningCurveCell("head", 1.0, 0, PretrainSeed: 1), wrong),
            (new LearningCurveCell("finetune", 1.0, 0, PretrainSeed: 0), truth), (new LearningCurveCell("finetune", 1.0, 0, PretrainSeed: 1), wrong),
            (new LearningCurveCell("scratch", 1.0, 0), truth),
        };

        var (points, differences) = LearningCurveBootstrap.Run(cells, truth, 2, PatientClusters.Singletons(40),
            new LearningCurveStatistics(2000, 3, 0.95, "scratch"));

        // Then the point averages both encoders and says so, and resampling the pretraining seeds reaches 0 and 1
        // (with one training seed, only the encoder draw moves it)
        var head = points.Single(p => p.Variant == "head");
        Assert.Equal((0.5, 1, 2), (head.MeanBalancedAccuracy, head.Seeds, head.PretrainSeeds));
        Assert.Equal((0.0, 1.0), (head.Ci!.Lower, head.Ci.Upper));
        Assert.Equal(0, points.Single(p => p.Variant == "scratch").PretrainSeeds);
        // a head and its fine-tune share the encoder draw: identical cells give identical intervals and p-values
        var finetune = points.Single(p => p.Variant == "finetune");
        Assert.Equal(head.Ci, finetune.Ci);
        var byVariant = differences.ToDictionary(d => d.Variant);
        Assert.Equal((-0.5, 2), (byVariant["head"].Difference, byVariant["head"].PretrainSeeds));
        Assert.Equal(byVariant["head"].PValue, byVariant["finetune"].PValue);
    }
}
