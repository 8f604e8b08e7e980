using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

public class IntensityNormalizationTests
{
    private static (float[] Data, bool[] Mask) SkewedForeground()
    {
        var random = new Random(3);
        var data = new float[4000];
        var mask = new bool[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            mask[i] = i % 2 == 0;
            data[i] = mask[i] ? (float)(200 + 50 * Math.Pow(random.NextDouble(), 3)) : (float)random.NextDouble();
        }
        data[0] = 5000; // an outlier the percentile clip must tame
        return (data, mask);
    }

    [Fact]
    public void Given_a_foreground_when_z_scored_then_its_mean_is_zero_and_its_sd_one()
    {
        var (data, mask) = SkewedForeground();

        IntensityNormalization.Apply(data, mask, NormalizationMethod.ZScore, 0.5, 99.5);

        var foreground = data.Where((_, i) => mask[i]).Select(v => (double)v).ToList();
        var mean = foreground.Average();
        var sd = Math.Sqrt(foreground.Select(v => (v - mean) * (v - mean)).Average());
        Assert.Equal(0, mean, 4);
        Assert.Equal(1, sd, 4);
        // and the background, darker than every foreground voxel, sits at the clipped lower end
        Assert.True(data.Where((_, i) => !mask[i]).All(v => v <= foreground.Min() + 1e-5));
    }

    [Fact]
    public void Given_an_outlier_when_clipped_at_the_995th_percentile_then_it_no_longer_dominates()
    {
        var (data, mask) = SkewedForeground();

        IntensityNormalization.Apply(data, mask, NormalizationMethod.ZScore, 0.5, 99.5);

        Assert.True(data[0] < 4, $"outlier after z-score: {data[0]}");
    }

    [Fact]
    public void Given_min_max_when_normalised_then_values_span_zero_to_one()
    {
        var (data, mask) = SkewedForeground();

        IntensityNormalization.Apply(data, mask, NormalizationMethod.MinMax, 0.5, 99.5);

        Assert.Equal(0f, data.Min());
        Assert.Equal(1f, data.Max());
    }

    [Fact]
    public void Given_a_constant_foreground_when_z_scored_then_it_is_refused()
    {
        var data = Enumerable.Repeat(3f, 10).ToArray();

        var error = Assert.Throws<PreprocessingException>(() => IntensityNormalization.Apply(data, Enumerable.Repeat(true, 10).ToArray(), NormalizationMethod.ZScore, 0.5, 99.5));

        Assert.Contains("constant", error.Message);
    }
}
