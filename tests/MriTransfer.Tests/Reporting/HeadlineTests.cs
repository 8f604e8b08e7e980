using MriTransfer.Evaluation;
using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

public class HeadlineTests
{
    private static ComparisonSummary Finetune(double difference, double lower, double upper) =>
        new("finetune", "scratch", difference, new ConfidenceInterval(lower, upper, 1000), 5, 2, 0.45);

    [Fact]
    public void Given_an_interval_entirely_above_zero_when_worded_then_the_sentence_says_raised_with_the_numbers()
    {
        var sentence = Headline.Sentence(Finetune(0.082, 0.021, 0.143), 0.95);

        Assert.Equal("On this data, fine-tuning the AD-pretrained encoder raised balanced accuracy over training from scratch by 8.2 percentage points (95 % CI +2.1 to +14.3 points).", sentence);
    }

    [Theory]
    [InlineData("bt_head", "frozen encoder self-pretrained on BT train")]
    [InlineData("bt_finetune", "fine-tuning the encoder self-pretrained on BT train")]
    public void Given_the_in_domain_control_arms_when_described_then_the_words_name_the_BT_self_pretraining(string variant, string words)
    {
        Assert.Contains(words, Headline.Describe(variant));
    }

    [Fact]
    public void Given_an_interval_entirely_below_zero_when_worded_then_the_sentence_says_lowered()
    {
        var sentence = Headline.Sentence(Finetune(-0.05, -0.09, -0.01), 0.95);

        Assert.Contains("lowered balanced accuracy relative to training from scratch by 5.0 percentage points", sentence);
        Assert.Contains("95 % CI −9.0 to −1.0 points", sentence);
    }

    [Theory]
    [InlineData(0.04, -0.02, 0.10)]
    [InlineData(-0.03, -0.08, 0.01)]
    [InlineData(0.0, 0.0, 0.0)]
    public void Given_an_interval_that_covers_zero_when_worded_then_the_sentence_says_not_distinguishable_whatever_the_sign(double d, double lo, double hi)
    {
        var sentence = Headline.Sentence(Finetune(d, lo, hi), 0.95);

        Assert.Contains("was not distinguishable from training from scratch", sentence);
        Assert.DoesNotContain("raised", sentence);
        Assert.DoesNotContain("lowered", sentence);
    }

    [Fact]
    public void Given_no_comparison_when_the_answer_is_written_then_it_says_what_is_missing()
    {
        var summary = new EvaluationSummary(["a", "b"], 10, 0.95, 1000, "scratch", [], ["scratch", "finetune"], [],
            "baseline variant 'scratch' was not given, so no paired comparisons", null, null, null, null, null, null);

        var answer = Headline.Answer(summary, "finetune");

        Assert.StartsWith("No pretrained variant could be compared with the baseline 'scratch'", answer);
        Assert.Contains("Missing variants: scratch, finetune.", answer);
    }
}

public class HeadlineUncertaintyTests
{
    [Fact]
    public void Given_an_interval_above_zero_but_a_holm_p_above_alpha_when_worded_then_the_sentence_does_not_say_raised()
    {
        var c = new ComparisonSummary("finetune", "scratch", 0.05, new ConfidenceInterval(0.001, 0.1, 1000), 5, 2, 0.45, PermutationP: 0.03, HolmP: 0.09);

        var sentence = Headline.Sentence(c, 0.95);

        Assert.Contains("was not distinguishable from training from scratch", sentence);
        Assert.Contains("which excludes 0, but the Holm-adjusted p is not below 0.05; p = 0.03, Holm-adjusted p = 0.09", sentence);
    }

    [Fact]
    public void Given_a_label_fraction_when_the_answer_is_written_then_it_says_the_fraction_and_that_one_seed_was_trained()
    {
        var c = new ComparisonSummary("finetune", "scratch", 0.08, new ConfidenceInterval(0.02, 0.14, 1000), 5, 2, 0.45, 0.004, 0.012);
        var summary = new EvaluationSummary(["a", "b"], 121, 0.95, 2000, "scratch", [], [], [c], null, null, null, null, null, null, null,
            TestPatients: 100, PatientsWithRepeats: 21);

        var answer = Headline.Answer(summary, "finetune", labelFraction: 1.0);

        Assert.Contains("raised balanced accuracy over training from scratch by 8.0 percentage points", answer);
        Assert.Contains("Measured at label fraction 1 with one training seed", answer);
        Assert.Contains("100 test patients (121 scans)", answer);
    }

    [Fact]
    public void Given_learning_curve_differences_when_the_curve_answer_is_written_then_it_names_the_fractions_where_the_difference_holds()
    {
        var differences = new List<LearningCurveDifference>
        {
            new("finetune", "scratch", 0.25, 3, 0.02, new ConfidenceInterval(-0.05, 0.09, 0), 0.5, 1.0),
            new("finetune", "scratch", 1.0, 3, 0.12, new ConfidenceInterval(0.05, 0.19, 0), 0.002, 0.008),
            new("head", "scratch", 1.0, 3, 0.2, new ConfidenceInterval(0.1, 0.3, 0), 0.001, 0.004),
        };

        var answer = Headline.CurveAnswer(differences, "finetune", 0.95)!;

        Assert.StartsWith("Over 3 training seeds and the test patients, the difference from training from scratch holds up at label fraction(s) 1 (higher).", answer);
        Assert.Contains("At label fraction 0.25, fine-tuning the AD-pretrained encoder was not distinguishable", answer);
        Assert.Null(Headline.CurveAnswer(differences, "imagenet_head", 0.95));
    }
}
