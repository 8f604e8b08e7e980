using FsCheck.Xunit;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

public class PercentilesTests
{
    [Property(MaxTest = 200)]
    public bool Quickselect_percentiles_equal_the_sorted_ones_even_with_many_ties(int seed, byte percentByte)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, random.Next(1, 300)).Select(_ => (float)random.Next(0, 12)).ToArray();
        var percent = percentByte / 255.0 * 100;
        var sorted = values.Order().ToArray();

        return Math.Abs(Percentiles.Of((float[])values.Clone(), percent) - Percentiles.OfSorted(sorted, percent)) < 1e-9;
    }

    [Theory]
    [InlineData(new float[] { 1, 2, 3, 4 }, 50, 2.5)]
    [InlineData(new float[] { 10, 0 }, 99.5, 9.95)]
    [InlineData(new float[] { 7 }, 0.5, 7)]
    public void Given_values_when_a_percentile_is_taken_then_it_matches_numpys_linear_method(float[] values, double percent, double expected)
    {
        Assert.Equal(expected, Percentiles.Of(values, percent), 5);
    }
}
