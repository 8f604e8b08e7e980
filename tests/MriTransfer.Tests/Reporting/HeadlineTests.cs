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
