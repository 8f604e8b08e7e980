using MriTransfer.Cohorts.Splitting;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

/// <summary>What the preprocessing and split settings check beyond the schema in build/ (which holds every range).</summary>
public class SettingsValidationTests
{
    public static TheoryData<PreprocessSettings, string> BadPreprocessSettings => new()
    {
        { TestSettings.Preprocess with { TargetShape = [64, 64] }, "preprocess.target_shape must be 3 integers, got [64, 64]" },
        { TestSettings.Preprocess with { TargetSpacing = [3, 3] }, "preprocess.target_spacing must be 3 numbers, got [3, 3]" },
        { TestSettings.Preprocess with { SliceShape = [128] }, "preprocess.slice_shape must be 2 integers, got [128]" },
        { TestSettings.Preprocess with { ClipPercentiles = [99, 1] }, "preprocess.clip_percentiles must be [low, high] with low < high, got [99, 1]" },
        { TestSettings.Preprocess with { ClipPercentiles = [0.5, 50, 99.5] }, "preprocess.clip_percentiles must be [low, high] with low < high" },
    };

    [Theory]
    [MemberData(nameof(BadPreprocessSettings))]
    public void Given_one_bad_preprocess_setting_when_validated_then_exactly_that_problem_is_named(PreprocessSettings settings, string expected)
    {
        var problems = settings.Validate();

        Assert.StartsWith(expected, Assert.Single(problems));
    }

    public static TheoryData<SplitSettings, string> BadSplitSettings => new()
    {
        { TestSettings.BtSplit with { ValFraction = 0.5, TestFraction = 0.5 }, "val_fraction + test_fraction must leave a training part" },
        { TestSettings.BtSplit with { KFolds = 1 }, "preprocess.k_folds must be 0 (off) or at least 2" },
        { TestSettings.BtSplit with { LabelFractions = [] }, "preprocess_bt.label_fractions must list at least one fraction" },
        { TestSettings.BtSplit with { LabelFractions = [0.5, 0.5] }, "preprocess_bt.label_fractions must not repeat a value" },
    };

    [Theory]
    [MemberData(nameof(BadSplitSettings))]
    public void Given_one_bad_split_setting_when_validated_then_exactly_that_problem_is_named(SplitSettings settings, string expected)
    {
        var problems = settings.Validate();

        Assert.StartsWith(expected, Assert.Single(problems));
    }

    [Fact]
    public void Given_the_test_settings_when_validated_then_there_is_no_problem()
    {
        Assert.Empty(TestSettings.Preprocess.Validate());
        Assert.Empty(TestSettings.BtSplit.Validate());
        Assert.Empty(TestSettings.AdSplit.Validate());
    }

    [Fact]
    public void Given_a_bimodal_image_when_thresholded_with_otsu_then_the_threshold_separates_the_modes()
    {
        var random = new Random(2);
        var data = Enumerable.Range(0, 5000).Select(i => (float)(i % 3 == 0 ? 100 + random.NextDouble() * 20 : random.NextDouble() * 10)).ToArray();

        var threshold = Foreground.Threshold(data, ForegroundMethod.Otsu, 0.1);

        Assert.InRange(threshold, 10, 100);
    }
}
