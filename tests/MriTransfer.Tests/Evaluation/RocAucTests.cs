using MriTransfer.Evaluation;

namespace MriTransfer.Tests.Evaluation;

public class RocAucTests
{
    [Fact]
    public void Given_tied_scores_across_classes_when_auc_is_computed_then_each_tie_counts_one_half()
    {
        // Given positives scoring 0.8, 0.5 and negatives 0.5, 0.2, 0.5:
        // pairs won: 0.8 beats all 3; 0.5 beats 0.2 and ties twice (0.5 each) → (3 + 2)/6
        bool[] positive = [true, true, false, false, false];
        double[] scores = [0.8, 0.5, 0.5, 0.2, 0.5];

        var auc = RocAuc.MannWhitney(positive, scores);

        Assert.Equal(5.0 / 6, auc.Value!.Value, 12);
        Assert.Null(auc.Reason);
    }

    [Fact]
    public void Given_scores_that_separate_the_classes_when_auc_is_computed_then_it_is_one()
    {
        var auc = RocAuc.MannWhitney([false, true, false, true], [0.1, 0.9, 0.3, 0.7]);
        Assert.Equal(1.0, auc.Value);
    }

    [Fact]
    public void Given_a_constant_score_when_auc_is_computed_then_it_is_one_half()
    {
        var auc = RocAuc.MannWhitney([false, true, false, true, true], [0.4, 0.4, 0.4, 0.4, 0.4]);
        Assert.Equal(0.5, auc.Value);
    }

    [Fact]
    public void Given_a_class_absent_from_the_set_when_its_auc_is_computed_then_it_is_null_with_a_reason()
    {
        // Given three classes where c has no subject
        int[] truth = [0, 1, 0, 1];
        double[][] probabilities = [[0.7, 0.2, 0.1], [0.2, 0.7, 0.1], [0.6, 0.3, 0.1], [0.3, 0.6, 0.1]];

        var auc = RocAuc.MacroOneVsRest(truth, probabilities, 3);

        // Then c's AUC is null with a reason, and the macro averages a and b with a note saying so
        Assert.Null(auc.PerClass[2].Value);
        Assert.Contains("absent", auc.PerClass[2].Reason);
        Assert.Equal(1.0, auc.Macro.Value);
        Assert.Contains("2 of 3", auc.Macro.Reason);
    }

    [Fact]
    public void Given_a_hand_worked_three_class_case_when_macro_auc_is_computed_then_it_averages_the_one_vs_rest_aucs()
    {
        int[] truth = [0, 0, 1, 1, 2, 2];
        double[][] p =
        [
            [0.9, 0.05, 0.05], [0.8, 0.1, 0.1], [0.3, 0.6, 0.1], [0.2, 0.3, 0.5], [0.1, 0.4, 0.5], [0.1, 0.1, 0.8],
        ];
        // a: positives 0.9, 0.8 above all negatives → 1
        // b: positives 0.6, 0.3 vs negatives 0.05, 0.1, 0.4, 0.1 → 0.6 wins 4; 0.3 wins 3 → 7/8
        // c: positives 0.5, 0.8 vs negatives 0.05, 0.1, 0.1, 0.5 → 0.5 wins 3 + tie 0.5; 0.8 wins 4 → 7.5/8
        var auc = RocAuc.MacroOneVsRest(truth, p, 3);

        Assert.Equal(1.0, auc.PerClass[0].Value!.Value, 12);
        Assert.Equal(7.0 / 8, auc.PerClass[1].Value!.Value, 12);
        Assert.Equal(7.5 / 8, auc.PerClass[2].Value!.Value, 12);
        Assert.Equal((1 + 7.0 / 8 + 7.5 / 8) / 3, auc.Macro.Value!.Value, 12);
    }

    [Fact]
    public void Given_scores_when_the_roc_curve_is_traced_then_it_runs_from_origin_to_one_one_and_its_area_equals_the_auc()
    {
        bool[] positive = [true, true, false, false, false];
        double[] scores = [0.8, 0.5, 0.5, 0.2, 0.5];

        var curve = RocAuc.Curve(positive, scores);
        var area = curve.Zip(curve.Skip(1), (a, b) => (b.Fpr - a.Fpr) * (a.Tpr + b.Tpr) / 2).Sum();

        Assert.Equal((0.0, 0.0), curve[0]);
        Assert.Equal((1.0, 1.0), curve[^1]);
        Assert.Equal(RocAuc.MannWhitney(positive, scores).Value!.Value, area, 12);
    }
}

public class ResampledAucTests
{
    [Fact]
    public void Given_bootstrap_resamples_when_scored_by_weights_then_the_macro_auc_equals_recomputing_it_on_the_resampled_subjects()
    {
        // Given 30 subjects of 3 classes with coarse (often tied) scores, and resamples that sometimes miss a class
        var random = new Random(4);
        var truth = Enumerable.Range(0, 30).Select(i => i % 3).ToArray();
        var probabilities = truth.Select(t => Enumerable.Range(0, 3).Select(c => Math.Round(random.NextDouble() + (c == t ? 0.3 : 0), 1)).ToArray()).ToArray();
        var fast = new ResampledAuc(truth, probabilities, 3);

        foreach (var set in Bootstrap.ResampleIndices(30, 200, 9).Append(new int[] { 0, 0, 3, 1 }))
        {
            var expected = RocAuc.MacroOneVsRest(Bootstrap.Take(truth, set), Bootstrap.Take(probabilities, set), 3).Macro.Value;
            var actual = fast.Macro(set);
            Assert.Equal(expected is null, actual is null);
            if (expected is { } e) Assert.Equal(e, actual!.Value, 12);
        }
    }
}
