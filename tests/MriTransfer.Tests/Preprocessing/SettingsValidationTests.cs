using MriTransfer.Cohorts.Splitting;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

public class SettingsValidationTests
{
    public static TheoryData<PreprocessSettings, string> BadPreprocessSettings => new()
    {
        { new PreprocessSettings { TargetShape = [64, 64] }, "target_shape must be 3 integers in [4, 1024]" },
        { new PreprocessSettings { TargetSpacing = [3, 0, 3] }, "target_spacing must be 3 numbers in [0.05, 50] mm" },
        { new PreprocessSettings { SliceShape = [2, 128] }, "slice_shape must be 2 integers in [4, 4096]" },
        { new PreprocessSettings { Slices = 0 }, "slices must be in [1, 512]" },
        { new PreprocessSettings { ForegroundFraction = 1.5 }, "foreground_fraction must be in (0, 1)" },
        { new PreprocessSettings { CropMargin = -1 }, "crop_margin must be in [0, 256]" },
        { new PreprocessSettings { ClipLowPercent = 99, ClipHighPercent = 1 }, "clip_percentiles must be [low, high] with 0 <= low < high <= 100" },
        { new PreprocessSettings { Workers = 0 }, "workers must be in [1, 256]" },
        { new PreprocessSettings { QcSubjectsPerClass = 0 }, "qc_per_class must be in [1, 64]" },
    };

    [Theory]
    [MemberData(nameof(BadPreprocessSettings))]
    public void Given_one_bad_preprocess_setting_when_validated_then_exactly_that_problem_is_named(PreprocessSettings settings, string expected)
    {
        var problems = settings.Validate();

        Assert.Equal(expected, Assert.Single(problems)[..expected.Length]);
    }

    public static TheoryData<SplitSettings, string> BadSplitSettings => new()
    {
        { new SplitSettings { ValFraction = 0 }, "val_fraction must be in (0, 1)" },
        { new SplitSettings { Role = CohortRole.Ad, TestFraction = 0.2 }, "test_fraction must be 0 for an AD cohort" },
        { new SplitSettings { Role = CohortRole.Bt, TestFraction = 0 }, "test_fraction must be in (0, 1) for a BT cohort" },
        { new SplitSettings { ValFraction = 0.5, TestFraction = 0.5 }, "val_fraction + test_fraction must leave a training part" },
        { new SplitSettings { KFolds = 1 }, "k_folds must be 0 (off) or in [2, 50]" },
        { new SplitSettings { LabelFractions = [0.1, 1.5] }, "label_fractions must be a non-empty list of numbers in (0, 1]" },
        { new SplitSettings { LabelFractions = [0.5, 0.5] }, "label_fractions must not repeat a value" },
    };

    [Theory]
    [MemberData(nameof(BadSplitSettings))]
    public void Given_one_bad_split_setting_when_validated_then_exactly_that_problem_is_named(SplitSettings settings, string expected)
    {
        var problems = settings.Validate();

        Assert.Equal(expected, Assert.Single(problems)[..expected.Length]);
    }

    [Fact]
    public void Given_the_defaults_when_validated_then_there_is_no_problem()
    {
        Assert.Empty(new PreprocessSettings().Validate());
        Assert.Empty(new SplitSettings().Validate());
        Assert.Empty(new SplitSettings { Role = CohortRole.Ad, TestFraction = 0 }.Validate());
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
