using MriTransfer.Imaging;
using MriTransfer.Imaging.Nifti;

namespace MriTransfer.Tests.Imaging;

/// <summary>
/// Analyze 7.5 pairs (no NIfTI magic) written by the test in both byte orders, read by us and by nibabel (which loads
/// them as Spm2AnalyzeImage): affine, voxels and scaling must agree.
/// </summary>
public sealed class AnalyzeReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly double[] Values = Enumerable.Range(0, 60).Select(i => (double)(i * 7 % 53 - 20)).ToArray();

    private string WritePair(string name, bool bigEndian, short datatype, short[]? origin, double slope = 0, double inter = 0, bool gzipImage = false)
    {
        var builder = new RawNiftiBuilder
        {
            BigEndian = bigEndian, Magic = "\0\0\0\0", Dim = [3, 5, 4, 3, 1, 1, 1, 1], PixDim = [0, 1.5, 2, 2.5, 0, 0, 0, 0],
            DataType = datatype, BitPix = (short)(datatype == 4 ? 16 : 32), SclSlope = slope, SclInter = inter, AnalyzeOrigin = origin, SRow = new double[12],
        };
        builder.Voxels = builder.Encode(datatype, Values);
        return builder.WritePair(_temp.File(name), gzipImage);
    }

    public static TheoryData<string, bool, short, short[]?, double, double> Pairs() => new()
    {
        { "le_int16_origin.hdr", false, 4, [3, 2, 2], 0, 0 },
        { "be_int16_origin.hdr", true, 4, [3, 2, 2], 0, 0 },
        { "le_float32_centre.hdr", false, 16, null, 0, 0 },
        { "be_float32_scaled.hdr", true, 16, [1, 1, 1], 2, 1 },
        { "be_int16_origin_outside.hdr", true, 4, [30, 2, 2], 0.5, 0 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Given_an_Analyze_pair_When_read_Then_affine_and_voxels_equal_nibabels(string name, bool bigEndian, short datatype, short[]? origin, double slope, double inter)
    {
        var path = WritePair(name, bigEndian, datatype, origin, slope, inter);
        var nib = Nibabel.Load(path);

        var file = VolumeIO.ReadFile(path);

        Assert.Equal("Spm2AnalyzeImage", nib.GetProperty("cls").GetString());
        Assert.Equal((AnalyzeReader.Format, bigEndian), (file.Info.Format, file.Info.BigEndian));
        var expected = Nibabel.Affine(nib);
        for (var r = 0; r < 4; r++)
            for (var c = 0; c < 4; c++) Assert.True(Math.Abs(expected[r, c] - file.Volume.Affine[r, c]) < 1e-6, $"affine[{r},{c}]: nibabel {expected[r, c]}, ours {file.Volume.Affine[r, c]}");
        Assert.Equal(nib.GetProperty("voxels").EnumerateArray().Select(v => (float)v.GetDouble()), file.Volume.Data);
        Assert.Equal("LAS", Orientation.AxisCodes(file.Volume.Affine)); // Analyze stores x from right to left
    }

    [Fact]
    public void Given_an_SPM_origin_When_read_Then_that_1_based_voxel_is_at_world_zero()
    {
        var path = WritePair("origin.hdr", false, 4, [3, 2, 2]);

        var file = VolumeIO.ReadFile(path);

        var a = file.Volume.Affine;
        Assert.Equal([0.0, 0, 0], Enumerable.Range(0, 3).Select(r => a[r, 0] * 2 + a[r, 1] * 1 + a[r, 2] * 1 + a[r, 3]));
        Assert.Equal("analyze (SPM origin)", file.Info.AffineSource);
    }

    [Fact]
    public void Given_the_img_half_of_a_pair_When_read_Then_it_reads_as_the_hdr_does()
    {
        var path = WritePair("pair.hdr", true, 4, null);

        Assert.Equal(VolumeIO.Read(path).Data, VolumeIO.Read(Path.ChangeExtension(path, ".img")).Data);
    }

    [Fact]
    public void Given_a_gzipped_img_beside_a_plain_hdr_When_read_Then_the_voxels_are_the_plain_pairs()
    {
        var plain = WritePair("plain.hdr", true, 4, null);
        var zipped = WritePair("zipped.hdr", true, 4, null, gzipImage: true);

        Assert.Equal(VolumeIO.Read(plain).Data, VolumeIO.Read(zipped).Data);
    }

    [Fact]
    public void Given_an_Analyze_header_with_a_bad_dimension_When_read_Then_the_error_names_file_and_field()
    {
        var builder = new RawNiftiBuilder { Magic = "\0\0\0\0", Dim = [3, 5, 0, 3, 1, 1, 1, 1] };
        var path = builder.WritePair(_temp.File("bad.hdr"));

        var e = Assert.Throws<ImageReadException>(() => VolumeIO.Read(path));

        Assert.Equal($"{path}: Analyze header: dim[2] is 0, expected a positive size", e.Message);
    }
}
