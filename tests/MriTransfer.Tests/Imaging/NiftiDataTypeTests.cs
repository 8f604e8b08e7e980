using MriTransfer.Imaging;

namespace MriTransfer.Tests.Imaging;

public sealed class NiftiDataTypeTests
{
    // Values every type can hold exactly (unsigned types get the absolute values).
    private static readonly double[] Signed = [0, 1, -2, 3, -4, 5, 100, -100, 127, -128, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];

    public static TheoryData<short, string, bool, int> Cases()
    {
        var data = new TheoryData<short, string, bool, int>();
        (short Code, string Name)[] types = [(2, "uint8"), (256, "int8"), (4, "int16"), (512, "uint16"), (8, "int32"), (768, "uint32"),
            (1024, "int64"), (1280, "uint64"), (16, "float32"), (64, "float64"), (128, "rgb24")];
        foreach (var (code, name) in types)
            foreach (var bigEndian in new[] { false, true })
                foreach (var version in new[] { 1, 2 })
                    data.Add(code, name, bigEndian, version);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_a_file_of_each_datatype_and_byte_order_When_read_Then_the_voxels_come_back_as_written(short code, string name, bool bigEndian, int version)
    {
        using var temp = new TempFolder();
        var unsigned = code is 2 or 512 or 768 or 1280 or 128;
        var values = Signed.Select(v => unsigned ? Math.Abs(v) : v).ToArray();
        var builder = new RawNiftiBuilder { Version = version, BigEndian = bigEndian, DataType = code, Dim = [3, 2, 3, 4, 1, 1, 1, 1] };
        builder.Voxels = builder.Encode(code, values);

        var file = VolumeIO.ReadFile(builder.WriteNii(temp.File("typed.nii")));

        Assert.Equal(values.Select(v => (float)v), file.Volume.Data);
        Assert.Equal([2, 3, 4], file.Volume.Shape);
        Assert.Equal(name, file.Info.DataType);
        Assert.Equal(bigEndian, file.Info.BigEndian);
        Assert.Equal($"NIfTI-{version}", file.Info.Format);
    }

    [Theory]
    [InlineData(2.0, 10.0, 12.0)]
    [InlineData(0.0, 10.0, 1.0)]
    [InlineData(double.NaN, 10.0, 1.0)]
    [InlineData(-0.5, 0.0, -0.5)]
    public void Given_scl_slope_and_scl_inter_When_read_Then_values_are_scaled_unless_the_slope_is_zero_or_NaN(double slope, double inter, double expectedForOne)
    {
        using var temp = new TempFolder();
        var builder = new RawNiftiBuilder { DataType = 4, BitPix = 16, Dim = [3, 1, 1, 1, 1, 1, 1, 1], SclSlope = slope, SclInter = inter };
        builder.Voxels = builder.Encode(4, [1]);

        var volume = VolumeIO.Read(builder.WriteNii(temp.File("scaled.nii")));

        Assert.Equal((float)expectedForOne, volume.Data[0]);
    }

    [Fact]
    public void Given_rgb24_voxels_When_read_Then_they_become_grey_luma()
    {
        using var temp = new TempFolder();
        var builder = new RawNiftiBuilder { DataType = 128, BitPix = 24, Dim = [3, 2, 1, 1, 1, 1, 1, 1], Voxels = [255, 0, 0, 0, 0, 255] };

        var volume = VolumeIO.Read(builder.WriteNii(temp.File("rgb.nii")));

        Assert.Equal(0.299f * 255, volume.Data[0], 3);
        Assert.Equal(0.114f * 255, volume.Data[1], 3);
    }

    [Fact]
    public void Given_header_extensions_and_a_larger_vox_offset_When_read_Then_the_extensions_are_skipped()
    {
        using var temp = new TempFolder();
        var builder = new RawNiftiBuilder { Dim = [3, 2, 1, 1, 1, 1, 1, 1], Extension = new byte[32] { 32, 0, 0, 0, 4, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24 }, VoxOffset = 400 };
        builder.Voxels = builder.Encode(16, [1.5, -2.5]);

        var volume = VolumeIO.Read(builder.WriteNii(temp.File("ext.nii")));

        Assert.Equal([1.5f, -2.5f], volume.Data);
    }
}
