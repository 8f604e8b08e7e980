using MriTransfer.Imaging;

namespace MriTransfer.Tests.Imaging;

/// <summary>Inspect describes a 4-D file whole, with the same numbers nibabel computes on the file the test wrote.</summary>
public sealed class FourDInspectionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A 4 × 3 × 2 × 5 int16 series, each volume with its own range, and one NaN-free layout nibabel reads back.</summary>
    private string Write(string name, bool bigEndian = false)
    {
        var values = Enumerable.Range(0, 4 * 3 * 2 * 5).Select(i => (double)(i % 24 * (i / 24 + 1) - 7 * (i / 24))).ToArray();
        var builder = new RawNiftiBuilder { BigEndian = bigEndian, Dim = [4, 4, 3, 2, 5, 1, 1, 1], PixDim = [1, 2, 2, 3, 1.5, 1, 1, 1], DataType = 4, BitPix = 16 };
        builder.Voxels = builder.Encode(4, values);
        return name.EndsWith(".hdr", StringComparison.Ordinal) ? builder.WritePair(_temp.File(name)) : builder.WriteNii(_temp.File(name));
    }

    [Theory]
    [InlineData("series.nii", false)]
    [InlineData("series.nii.gz", true)]
    [InlineData("series.hdr", true)]
    public void Given_a_4D_file_When_inspected_Then_shape_is_x_y_z_t_and_statistics_equal_nibabels(string name, bool bigEndian)
    {
        var path = Write(name, bigEndian);
        var nib = Nibabel.Load(path);

        var inspection = VolumeInspection.Of(path);

        Assert.Equal([4L, 3, 2, 5], inspection.Shape);
        Assert.Equal(nib.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()), inspection.Shape);
        var volumes = nib.GetProperty("volumes").EnumerateArray().ToList();
        Assert.Equal(volumes.Count, inspection.VolumeStatistics!.Count);
        for (var t = 0; t < volumes.Count; t++) AssertStatistics(volumes[t], inspection.VolumeStatistics[t], $"volume {t}");
        AssertStatistics(nib.GetProperty("overall"), inspection.Statistics, "overall");
    }

    [Fact]
    public void Given_a_4D_file_When_inspected_Then_it_names_the_params_key_a_run_needs()
    {
        var inspection = VolumeInspection.Of(Write("series.nii"));

        Assert.Equal(new PipelineVolume("preprocess.volume_index", null,
            "a run refuses this file: it holds 5 volumes; set preprocess.volume_index to the one to take (0 to 4), or pass Inspect --volume N to see what that run reads"),
            inspection.Pipeline);
    }

    [Fact]
    public void Given_a_4D_file_and_a_volume_When_inspected_Then_that_volume_is_the_one_a_run_with_the_key_takes()
    {
        var path = Write("series.nii.gz");

        var inspection = VolumeInspection.Of(path, new VolumeReadOptions { VolumeIndex = 3 });

        Assert.Equal(3, inspection.Pipeline!.Volume);
        Assert.Equal(inspection.VolumeStatistics![3], VolumeStatistics.Of(VolumeIO.Read(path, new VolumeReadOptions { VolumeIndex = 3 })));
    }

    [Fact]
    public void Given_a_3D_file_When_inspected_Then_it_has_no_per_volume_part()
    {
        var builder = new RawNiftiBuilder();
        builder.Voxels = builder.Encode(16, Enumerable.Range(0, 24).Select(i => (double)i).ToArray());

        var inspection = VolumeInspection.Of(builder.WriteNii(_temp.File("three.nii")));

        Assert.Equal([2L, 3, 4], inspection.Shape);
        Assert.Null(inspection.VolumeStatistics);
        Assert.Null(inspection.Pipeline);
    }

    private static void AssertStatistics(System.Text.Json.JsonElement expected, VolumeStatistics actual, string what)
    {
        double[] ours = [actual.Min, actual.Max, actual.Mean, actual.Sd, actual.P1, actual.P50, actual.P99, actual.NonZeroFraction];
        string[] names = ["min", "max", "mean", "sd", "p1", "p50", "p99", "nonzero"];
        for (var i = 0; i < names.Length; i++)
        {
            var theirs = expected.GetProperty(names[i]).GetDouble();
            Assert.True(Math.Abs(theirs - ours[i]) <= 1e-9 * Math.Max(1, Math.Abs(theirs)), $"{what} {names[i]}: nibabel {theirs}, ours {ours[i]}");
        }
    }
}
