using MriTransfer.Imaging;
using MriTransfer.Imaging.Matlab;

namespace MriTransfer.Tests.Imaging;

/// <summary>Figshare MATLAB v7.3 slices written by <see cref="TestMatFiles"/> (PureHDF's writer, 512-byte user block).</summary>
public sealed class FigshareMatReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>3 rows × 4 columns, every pixel different: M(r, c) = 10·r + c (0-based).</summary>
    private static readonly short[,] Matrix = { { 0, 1, 2, 3 }, { 10, 11, 12, 13 }, { 20, 21, 22, 23 } };

    [Fact]
    public void Given_a_v73_mat_written_with_a_user_block_When_read_Then_the_image_is_the_MATLAB_matrix_with_row_1_anterior()
    {
        var path = _temp.File("1.mat");
        TestMatFiles.Figshare(path, Matrix, 2, "100360", "int16");

        var file = VolumeIO.ReadFile(path);

        Assert.Equal([0x89, (byte)'H', (byte)'D', (byte)'F'], File.ReadAllBytes(path)[512..516]); // HDF5 after the user block
        var v = file.Volume;
        Assert.Equal([4, 3, 1], v.Shape); // x = the 4 columns, y = the 3 rows
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 4; c++) Assert.Equal(10 * r + c, v[c, r, 0]);
        Assert.Equal("RPS", Orientation.AxisCodes(v.Affine)); // row 0, MATLAB's top row, is the most anterior
        Assert.Equal((FigshareMatReader.Format, "int16"), (file.Info.Format, file.Info.DataType));
        Assert.Equal([4L, 3], file.Info.FileShape);
    }

    [Fact]
    public void Given_a_v73_mat_When_its_slice_is_read_Then_label_and_patient_come_back()
    {
        var path = _temp.File("7.mat");
        TestMatFiles.Figshare(path, Matrix, 3, "MR040237", "int16");

        var slice = FigshareMatReader.ReadSlice(path);

        Assert.Equal(new FigshareSlice(3, "MR040237"), slice);
        Assert.Equal("pituitary", slice.Label);
    }

    [Fact]
    public void Given_an_image_stored_as_double_When_read_Then_its_type_is_read_from_the_file_not_assumed()
    {
        var path = _temp.File("2.mat");
        TestMatFiles.Figshare(path, new[,] { { 0.25, 1e4 }, { -3.5, 65535.0 } }, 1, "5", "double");

        var file = VolumeIO.ReadFile(path);

        Assert.Equal("float64", file.Info.DataType);
        Assert.Equal([0.25f, 1e4f, -3.5f, 65535f], file.Volume.Data);
    }

    [Fact]
    public void Given_a_label_outside_the_three_classes_When_the_slice_is_read_Then_the_error_names_file_field_and_choices()
    {
        var path = _temp.File("x.mat");
        TestMatFiles.Figshare(path, Matrix, 4, "12", "int16");

        var e = Assert.Throws<ImageReadException>(() => FigshareMatReader.ReadSlice(path));

        Assert.Equal($"{path}: /cjdata/label is 4, expected 1 (meningioma), 2 (glioma) or 3 (pituitary)", e.Message);
    }

    [Fact]
    public void Given_a_v73_mat_without_cjdata_When_read_Then_the_error_says_what_it_holds()
    {
        var path = _temp.File("cvind.mat");
        TestMatFiles.Cvind(path, [1, 2, 3]);

        var e = Assert.Throws<ImageReadException>(() => VolumeIO.Read(path));

        Assert.StartsWith(path, e.Message);
        Assert.Contains("has no group /cjdata (it holds cvind)", e.Message);
    }

    [Fact]
    public void Given_a_truncated_mat_When_read_Then_the_error_says_truncated_instead_of_returning_a_blank_image()
    {
        var path = _temp.File("3.mat");
        TestMatFiles.Figshare(path, new short[64, 64], 1, "9", "int16");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);

        var e = Assert.Throws<ImageReadException>(() => VolumeIO.Read(path));

        Assert.StartsWith($"{path}: is truncated: its HDF5 superblock says the file is {bytes.Length} bytes", e.Message);
    }

    [Fact]
    public void Given_a_MATLAB_v5_file_When_read_Then_the_error_says_to_save_it_as_v73()
    {
        var path = _temp.File("old.mat");
        File.WriteAllBytes(path, System.Text.Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, Platform: GLNXA64".PadRight(128)));

        var e = Assert.Throws<ImageReadException>(() => VolumeIO.Read(path));

        Assert.Contains("save(name, '-v7.3')", e.Message);
    }
}
