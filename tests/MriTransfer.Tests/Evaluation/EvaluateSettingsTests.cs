using MriTransfer.Evaluation;

namespace MriTransfer.Tests.Evaluation;

public class EvaluateSettingsTests
{
    [Fact]
    public void Given_the_defaults_when_settings_are_built_then_they_are_valid()
    {
        var settings = new EvaluateSettings();
        Assert.Equal(2000, settings.BootstrapResamples);
        Assert.Equal("scratch", settings.Baseline);
    }

    [Fact]
    public void Given_too_few_bootstrap_resamples_when_settings_are_built_then_the_message_names_the_key_and_range() =>
        AssertRejected(() => new EvaluateSettings(bootstrapResamples: 10), "evaluate.bootstrap_resamples", "100 to 100000");

    [Fact]
    public void Given_too_many_bootstrap_resamples_when_settings_are_built_then_the_message_names_the_key_and_range() =>
        AssertRejected(() => new EvaluateSettings(bootstrapResamples: 1_000_000), "evaluate.bootstrap_resamples", "100 to 100000");

    [Fact]
    public void Given_a_negative_seed_when_settings_are_built_then_the_message_names_the_seed() =>
        AssertRejected(() => new EvaluateSettings(seed: -1), "evaluate.seed", "≥ 0");

    [Fact]
    public void Given_a_confidence_level_of_one_when_settings_are_built_then_the_message_names_the_level() =>
        AssertRejected(() => new EvaluateSettings(ciLevel: 1.0), "evaluate.ci_level", "0.5 to 0.999");

    [Fact]
    public void Given_no_variants_when_settings_are_built_then_the_message_asks_for_one() =>
        AssertRejected(() => new EvaluateSettings(variants: []), "evaluate.variants", "at least one");

    [Fact]
    public void Given_a_variant_name_with_a_slash_when_settings_are_built_then_the_message_names_it() =>
        AssertRejected(() => new EvaluateSettings(variants: ["scratch", "a/b"]), "evaluate.variants", "'a/b'");

    [Fact]
    public void Given_duplicate_variants_when_settings_are_built_then_the_message_says_names_must_be_unique() =>
        AssertRejected(() => new EvaluateSettings(variants: ["head", "head"]), "evaluate.variants", "unique");

    [Fact]
    public void Given_an_empty_baseline_when_settings_are_built_then_the_message_names_the_baseline() =>
        AssertRejected(() => new EvaluateSettings(baseline: ""), "evaluate.baseline", "not a valid variant name");

    [Fact]
    public void Given_a_negative_l2_when_settings_are_built_then_the_message_names_the_probe_penalty() =>
        AssertRejected(() => new EvaluateSettings(probeL2: -0.1), "evaluate.probe_l2", "0 to 100");

    [Fact]
    public void Given_zero_probe_iterations_when_settings_are_built_then_the_message_names_the_iterations() =>
        AssertRejected(() => new EvaluateSettings(probeIterations: 0), "evaluate.probe_iterations", "1 to 100000");

    [Fact]
    public void Given_a_zero_probe_learning_rate_when_settings_are_built_then_the_message_names_the_rate() =>
        AssertRejected(() => new EvaluateSettings(probeLearningRate: 0), "evaluate.probe_lr", "> 0");

    [Fact]
    public void Given_too_many_reconstruction_examples_when_settings_are_built_then_the_message_names_the_key() =>
        AssertRejected(() => new EvaluateSettings(reconstructionExamples: 50), "evaluate.reconstruction_examples", "0 to 20");

    [Fact]
    public void Given_several_bad_values_when_settings_are_built_then_every_problem_is_reported_together()
    {
        var e = Assert.Throws<EvaluationInputException>(() => new EvaluateSettings(bootstrapResamples: 1, seed: -3, ciLevel: 2));
        Assert.Equal(3, e.Message.Split(Environment.NewLine).Length);
    }

    private static void AssertRejected(Func<EvaluateSettings> build, string key, string expected)
    {
        var e = Assert.Throws<EvaluationInputException>(build);
        Assert.Contains(key, e.Message);
        Assert.Contains(expected, e.Message);
    }
}
