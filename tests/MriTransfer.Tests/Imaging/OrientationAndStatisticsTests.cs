using MriTransfer.Imaging;

namespace MriTransfer.Tests.Imaging;

public sealed class OrientationAndStatisticsTests
{
    [Theory]
    [InlineData(1, 0, 0, 0, 1, 0, 0, 0, 1, "RAS")]
    [InlineData(-1, 0, 0, 0, -1, 0, 0, 0, 1, "LPS")]
    [InlineData(0, 0, -1, 1, 0, 0, 0, -1, 0, "AIL")]
    [InlineData(0.9, 0.3, 0, -0.3, 0.9, 0, 0, 0, -2, "RAI")]
    public void Given_an_affine_When_its_axis_codes_are_named_Then_each_voxel_axis_gets_its_dominant_world_direction(
        double a, double b, double c, double d, double e, double f, double g, double h, double i, string expected)
    {
        var affine = new double[,] { { a, b, c, 5 }, { d, e, f, 6 }, { g, h, i, 7 }, { 0, 0, 0, 1 } };

        Assert.Equal(expected, Orientation.AxisCodes(affine));
    }

    [Fact]
    public void Given_a_volume_with_a_NaN_When_statistics_are_computed_Then_only_finite_voxels_count_and_the_NaN_is_reported()
    {
        var volume = Volume.Create(5, 1, 1);
        float[] values = [0, 2, 4, float.NaN, 6];
        values.CopyTo(volume.Data, 0);

        var stats = VolumeStatistics.Of(volume);

        Assert.Equal(1, stats.NonFinite);
        Assert.Equal(3, stats.Mean);
        Assert.Equal(0, stats.Min);
        Assert.Equal(6, stats.Max);
        Assert.Equal(0.75, stats.NonZeroFraction);
        Assert.Equal(Math.Sqrt(5), stats.Sd, 10);
    }
}
