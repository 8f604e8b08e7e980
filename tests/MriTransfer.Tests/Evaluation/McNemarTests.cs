using MriTransfer.Evaluation;

namespace MriTransfer.Tests.Evaluation;

public class McNemarTests
{
    [Theory]
    // b, c, two-sided exact p = min(1, 2·P(X ≤ min(b,c))), X ~ Bin(b+c, 1/2)
    [InlineData(1, 6, 2 * 8.0 / 128)]          // (1 + 7)/128
    [InlineData(2, 8, 2 * 56.0 / 1024)]        // (1 + 10 + 45)/1024
    [InlineData(0, 5, 2 * 1.0 / 32)]
    [InlineData(3, 3, 1.0)]                    // symmetric table: capped at 1
    [InlineData(0, 0, 1.0)]                    // no discordant pairs
    public void Given_discordant_counts_when_the_exact_test_runs_then_the_p_value_matches_the_binomial_hand_computation(int b, int c, double expected)
    {
        Assert.Equal(expected, McNemar.ExactPValue(b, c), 12);
    }

    [Fact]
    public void Given_a_hand_worked_paired_table_when_tested_then_discordant_pairs_are_counted_per_side()
    {
        // Given 10 subjects: both right on 2, only first right on 6, only second right on 1, both wrong on 1
        bool[] first = [true, true, true, true, true, true, true, true, false, false];
        bool[] second = [true, true, false, false, false, false, false, false, true, false];

        var result = McNemar.Exact(first, second);

        Assert.Equal(6, result.OnlyFirstCorrect);
        Assert.Equal(1, result.OnlySecondCorrect);
        Assert.Equal(0.125, result.PValue, 12);
    }
}
