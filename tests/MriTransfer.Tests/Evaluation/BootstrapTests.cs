using MriTransfer.Evaluation;

namespace MriTransfer.Tests.Evaluation;

public class BootstrapTests
{
    /// <summary>A two-class case where the classifier is right on about 70 % of n subjects (deterministic pattern).</summary>
    private static (int[] Truth, int[] Predicted) Case(int n)
    {
        var truth = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
        var predicted = truth.Select((t, i) => i % 10 < 7 ? t : 1 - t).ToArray();
        return (truth, predicted);
    }

    private static ConfidenceInterval BalancedAccuracyCi(int n, int seed = 7)
    {
        var (truth, predicted) = Case(n);
        var resamples = Bootstrap.ResampleIndices(n, 2000, seed);
        return Bootstrap.Percentile(resamples,
            s => ClassificationMetrics.BalancedAccuracy(Bootstrap.Take(truth, s), Bootstrap.Take(predicted, s), 2), 0.95)!;
    }

    [Theory]
    [InlineData(20)]
    [InlineData(60)]
    [InlineData(200)]
    public void Given_a_classifier_when_its_balanced_accuracy_is_bootstrapped_then_the_interval_contains_the_point_estimate(int n)
    {
        var (truth, predicted) = Case(n);
        var point = ClassificationMetrics.BalancedAccuracy(truth, predicted, 2);

        var ci = BalancedAccuracyCi(n);

        Assert.True(ci.Contains(point), $"[{ci.Lower}, {ci.Upper}] should contain {point}");
        Assert.True(ci.Lower < ci.Upper);
    }

    [Fact]
    public void Given_more_subjects_with_the_same_error_rate_when_bootstrapped_then_the_interval_shrinks()
    {
        var widths = new[] { 20, 80, 320 }.Select(n => BalancedAccuracyCi(n)).Select(ci => ci.Upper - ci.Lower).ToList();

        Assert.True(widths[0] > widths[1] && widths[1] > widths[2], $"widths should shrink: {string.Join(", ", widths)}");
    }

    [Fact]
    public void Given_the_same_seed_when_resampled_twice_then_the_subjects_drawn_are_identical()
    {
        Assert.Equal(Bootstrap.ResampleIndices(30, 50, 11), Bootstrap.ResampleIndices(30, 50, 11));
        Assert.NotEqual(Bootstrap.ResampleIndices(30, 50, 11), Bootstrap.ResampleIndices(30, 50, 12));
    }

    [Fact]
    public void Given_a_statistic_undefined_on_some_resamples_when_bootstrapped_then_those_resamples_are_left_out_and_counted()
    {
        var resamples = Bootstrap.ResampleIndices(10, 200, 3);

        var ci = Bootstrap.Percentile(resamples, s => s[0] % 2 == 0 ? 1.0 : null, 0.95)!;

        Assert.True(ci.Resamples is > 0 and < 200);
        Assert.Equal(1.0, ci.Lower);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.25, 1.75)]
    [InlineData(1.0, 4.0)]
    public void Given_sorted_values_when_a_quantile_is_taken_then_it_interpolates_linearly_like_numpy(double p, double expected)
    {
        Assert.Equal(expected, Bootstrap.Quantile([1.0, 2.0, 3.0, 4.0], p), 12);
    }
}
