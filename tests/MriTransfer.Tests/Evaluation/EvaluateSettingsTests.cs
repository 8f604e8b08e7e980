using MriTransfer.Evaluation;

namespace MriTransfer.Tests.Evaluation;

/// <summary>What the evaluate settings check beyond the schema in build/ (which holds every range): usable variant names.</summary>
public class EvaluateSettingsTests
{
    [Fact]
    public void Given_the_test_settings_when_validated_then_they_pass() => TestSettings.Evaluate.Validate();

    [Fact]
    public void Given_no_variants_when_validated_then_the_message_asks_for_one() =>
        AssertRejected(TestSettings.Evaluate with { Variants = [] }, "evaluate.variants: expected at least one variant name");

    [Fact]
    public void Given_a_variant_name_with_a_slash_when_validated_then_the_message_names_it() =>
        AssertRejected(TestSettings.Evaluate with { Variants = ["scratch", "a/b"] }, "evaluate.variants: 'a/b' is not a valid variant name");

    [Fact]
    public void Given_duplicate_variants_when_validated_then_the_message_says_names_must_be_unique() =>
        AssertRejected(TestSettings.Evaluate with { Variants = ["head", "head"] }, "evaluate.variants: names must be unique");

    [Fact]
    public void Given_an_empty_baseline_when_validated_then_the_message_names_the_baseline() =>
        AssertRejected(TestSettings.Evaluate with { Baseline = "" }, "evaluate.baseline: '' is not a valid variant name");

    [Fact]
    public void Given_several_bad_names_when_validated_then_every_problem_is_reported_together()
    {
        var e = Assert.Throws<EvaluationInputException>(() => (TestSettings.Evaluate with { Variants = ["a b", "a b"], Baseline = "" }).Validate());
        Assert.Equal(4, e.Problems.Count);
    }

    private static void AssertRejected(EvaluateSettings settings, string expected)
    {
        var e = Assert.Throws<EvaluationInputException>(settings.Validate);
        Assert.Contains(expected, e.Message);
    }
}
