using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MriTransfer.Imaging;

namespace MriTransfer.Tests.Imaging;

/// <summary>MetaImage, DICOM (via dcm2niix) and orientation codes (2-D images: <see cref="RasterImageTests"/>).</summary>
public sealed class OtherFormatTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Fixtures([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "fixtures");

    private static readonly double[] Values = Enumerable.Range(0, 24).Select(i => (double)(i * 3 - 20)).ToArray();

    [Theory]
    [InlineData("local.mha", false, false)]
    [InlineData("separate.mhd", false, false)]
    [InlineData("compressed.mhd", true, false)]
    [InlineData("bigendian.mha", false, true)]
    public void Given_a_MetaImage_When_read_Then_voxels_come_back_and_LPS_geometry_becomes_RAS(string name, bool compressed, bool bigEndian)
    {
        var voxels = new RawNiftiBuilder { BigEndian = bigEndian }.Encode(4, Values);
        if (compressed)
        {
            using var ms = new MemoryStream();
            using (var z = new System.IO.Compression.ZLibStream(ms, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) z.Write(voxels);
            voxels = ms.ToArray();
        }
        var local = name.EndsWith(".mha", StringComparison.Ordinal);
        var dataFile = local ? "LOCAL" : Path.ChangeExtension(name, compressed ? ".zraw" : ".raw");
        var header = $"ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = {bigEndian}\nCompressedData = {compressed}\n" +
                     $"TransformMatrix = 1 0 0 0 1 0 0 0 1\nOffset = 10 20 30\nElementSpacing = 1.5 2 3\nDimSize = 2 3 4\nElementType = MET_SHORT\nElementDataFile = {dataFile}\n";
        var path = _temp.File(name);
        if (local) File.WriteAllBytes(path, Encoding.ASCII.GetBytes(header).Concat(voxels).ToArray());
        else { File.WriteAllText(path, header); File.WriteAllBytes(_temp.File(dataFile), voxels); }

        var volume = VolumeIO.Read(path);

        Assert.Equal(Values.Select(v => (float)v), volume.Data);
        Assert.Equal([-1.5, 0, 0, -10], Row(volume.Affine, 0));
        Assert.Equal([0, -2, 0, -20], Row(volume.Affine, 1));
        Assert.Equal([0, 0, 3, 30], Row(volume.Affine, 2));
        Assert.Equal("LPS", Orientation.AxisCodes(volume.Affine));
    }

    [Fact]
    public void Given_a_MetaImage_with_an_unsupported_element_type_When_read_Then_the_error_names_the_type()
    {
        var path = _temp.File("bad.mha");
        File.WriteAllText(path, "ObjectType = Image\nNDims = 3\nDimSize = 2 2 2\nElementType = MET_FLOAT_ARRAY\nElementDataFile = LOCAL\n");

        var e = Assert.Throws<ImageReadException>(() => VolumeIO.Read(path));

        Assert.StartsWith(path, e.Message);
        Assert.Contains("ElementType MET_FLOAT_ARRAY is not supported", e.Message);
    }

    private static double[] Row(double[,] a, int r) => Enumerable.Range(0, 4).Select(c => a[r, c]).ToArray();

    [Fact]
    public void Given_a_DICOM_series_folder_When_read_Then_each_voxel_holds_the_DICOM_pixel_at_its_world_position()
    {
        // Needs dcm2niix (apt-get install dcm2niix): without it this test fails with that instruction.
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures(), "expected.json")));
        var pixels = json.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("file").GetString() == "dicom_series")
            .GetProperty("pixels_slice_row_col");

        var file = VolumeIO.ReadFile(Path.Combine(Fixtures(), "dicom_series"));

        var v = file.Volume;
        Assert.Equal("DICOM (dcm2niix)", file.Info.Format);
        Assert.Equal([6, 5, 3], v.Shape);
        for (var k = 0; k < 3; k++)
            for (var j = 0; j < 5; j++)
                for (var i = 0; i < 6; i++)
                {
                    // RAS world of voxel (i,j,k); the DICOM pixel (row r, column c, slice s) sits at LPS (-10 + 2c, -20 + 2.5r, 5 + 3s).
                    var x = v.Affine[0, 0] * i + v.Affine[0, 1] * j + v.Affine[0, 2] * k + v.Affine[0, 3];
                    var y = v.Affine[1, 0] * i + v.Affine[1, 1] * j + v.Affine[1, 2] * k + v.Affine[1, 3];
                    var z = v.Affine[2, 0] * i + v.Affine[2, 1] * j + v.Affine[2, 2] * k + v.Affine[2, 3];
                    int c = (int)Math.Round((-x + 10) / 2), r = (int)Math.Round((-y + 20) / 2.5), s = (int)Math.Round((z - 5) / 3);
                    Assert.Equal(pixels[s][r][c].GetDouble(), v[i, j, k]);
                }
    }

    [Fact]
    public void Given_no_dcm2niix_When_a_DICOM_folder_is_read_Then_the_error_says_which_package_to_install()
    {
        var e = Assert.Throws<ImageReadException>(() => DicomSeriesReader.Read(Path.Combine(Fixtures(), "dicom_series"), null, "dcm2niix-not-installed-here"));

        Assert.Contains("apt-get install dcm2niix", e.Message);
    }

    [Theory]
    [InlineData("qform_int16_le.nii")]
    [InlineData("sform_float64_be.nii")]
    [InlineData("nifti2_float32.nii.gz")]
    public void Given_a_fixture_When_its_orientation_is_named_Then_it_matches_nibabels_aff2axcodes(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures(), "expected.json")));
        var expected = json.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("file").GetString() == name).GetProperty("axcodes").GetString();

        Assert.Equal(expected, Orientation.AxisCodes(VolumeIO.Read(Path.Combine(Fixtures(), name)).Affine));
    }
}
