using MriTransfer.Imaging;

namespace MriTransfer.Tests.Imaging;

/// <summary>One test per kind of broken file: each must fail with a message naming the file and the problem.</summary>
public sealed class NiftiBadInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static RawNiftiBuilder Valid()
    {
        var builder = new RawNiftiBuilder { Dim = [3, 4, 4, 4, 1, 1, 1, 1] };
        builder.Voxels = builder.Encode(16, Enumerable.Range(0, 64).Select(i => (double)i).ToArray());
        return builder;
    }

    private ImageReadException ReadFails(string path)
    {
        var e = Assert.ThrowsAny<ImageReadException>(() => VolumeIO.Read(path));
        Assert.StartsWith(path, e.Message);
        return e;
    }

    [Fact]
    public void Given_a_truncated_nii_gz_When_read_Then_the_error_says_the_gzip_stream_ended_early()
    {
        var full = RawNiftiBuilder.Gzip(Valid().SingleFile());
        var path = _temp.File("truncated.nii.gz");
        File.WriteAllBytes(path, full[..(full.Length * 2 / 3)]);

        var e = ReadFails(path);

        Assert.Matches("truncated|ended early", e.Message);
    }

    [Fact]
    public void Given_a_nii_gz_truncated_inside_the_header_When_read_Then_the_error_says_the_header_is_truncated()
    {
        var full = RawNiftiBuilder.Gzip(Valid().SingleFile());
        var path = _temp.File("header-cut.nii.gz");
        File.WriteAllBytes(path, full[..40]);

        var e = ReadFails(path);

        Assert.Matches("header|too short", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Given_a_wrong_sizeof_hdr_When_read_Then_the_error_names_sizeof_hdr_and_the_expected_values()
    {
        var path = Valid().WithSizeOfHeader(352).WriteNii(_temp.File("size.nii"));

        var e = ReadFails(path);

        Assert.Contains("sizeof_hdr is 352", e.Message);
        Assert.Contains("348", e.Message);
    }

    [Fact]
    public void Given_a_bad_magic_When_read_Then_the_error_shows_the_magic_and_the_expected_ones()
    {
        var builder = Valid();
        builder.Magic = "abc";
        var e = ReadFails(builder.WriteNii(_temp.File("magic.nii")));

        Assert.Contains("magic is 'abc'", e.Message);
        Assert.Contains("'n+1' or 'ni1'", e.Message);
    }

    [Fact]
    public void Given_voxel_data_shorter_than_the_dims_When_read_Then_the_error_gives_needed_and_found_bytes()
    {
        var builder = Valid();
        builder.Voxels = builder.Voxels[..100];

        var e = ReadFails(builder.WriteNii(_temp.File("short.nii")));

        Assert.Contains("need 256 bytes", e.Message);
        Assert.Contains("only 100 were there", e.Message);
    }

    [Fact]
    public void Given_an_unsupported_datatype_When_read_Then_the_error_names_it_and_lists_the_supported_ones()
    {
        var builder = Valid();
        builder.DataType = 32;

        var e = ReadFails(builder.WriteNii(_temp.File("complex.nii")));

        Assert.Contains("datatype 32 (complex64) is not supported", e.Message);
        Assert.Contains("16 (float32)", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Given_a_zero_or_negative_dim_When_read_Then_the_error_names_the_dim(long size)
    {
        var builder = Valid();
        builder.Dim = [3, 4, size, 4, 1, 1, 1, 1];

        var e = ReadFails(builder.WriteNii(_temp.File("dims.nii")));

        Assert.Contains($"dim[2] is {size}, expected a positive size", e.Message);
    }

    [Fact]
    public void Given_NaN_and_infinite_voxels_When_read_Then_the_count_and_first_index_are_reported()
    {
        var builder = Valid();
        var values = Enumerable.Range(0, 64).Select(i => (double)i).ToArray();
        values[5 + 4 * 2] = double.NaN;   // (1, 3, 0)
        values[40] = double.PositiveInfinity;
        builder.Voxels = builder.Encode(16, values);
        var path = builder.WriteNii(_temp.File("nan.nii"));

        var e = Assert.Throws<NonFiniteVoxelsException>(() => VolumeIO.Read(path));

        Assert.Equal(2, e.Count);
        Assert.Equal([1, 3, 0], e.FirstIndex);
        Assert.StartsWith(path, e.Message);
    }

    [Fact]
    public void Given_NaN_voxels_and_AllowNonFinite_When_read_Then_they_are_kept_and_counted()
    {
        var builder = Valid();
        var values = new double[64];
        values[0] = double.NaN;
        builder.Voxels = builder.Encode(16, values);

        var file = VolumeIO.ReadFile(builder.WriteNii(_temp.File("nan-ok.nii")), new VolumeReadOptions { AllowNonFinite = true });

        Assert.Equal(1, file.Info.NonFiniteCount);
        Assert.True(float.IsNaN(file.Volume.Data[0]));
    }

    [Fact]
    public void Given_a_text_file_named_nii_When_read_Then_the_error_says_it_is_not_a_NIfTI_file()
    {
        var path = _temp.File("notes.nii");
        File.WriteAllText(path, "subject_id,path,label\nsub-01,a.nii,CN\n" + new string('x', 400));

        var e = ReadFails(path);

        Assert.Contains("not a NIfTI file", e.Message);
    }

    [Fact]
    public void Given_a_file_named_nii_gz_that_is_not_gzip_When_read_Then_the_error_says_so()
    {
        var path = Valid().WriteNii(_temp.File("plain.nii"));
        File.Move(path, _temp.File("plain.nii.gz"));

        var e = ReadFails(_temp.File("plain.nii.gz"));

        Assert.Contains("gzip magic", e.Message);
    }

    [Fact]
    public void Given_an_unknown_file_with_no_image_content_When_read_Then_the_error_says_it_is_not_a_recognised_image()
    {
        var path = _temp.File("data.bin");
        File.WriteAllBytes(path, Enumerable.Range(0, 1000).Select(i => (byte)(i * 31)).ToArray());

        var e = ReadFails(path);

        Assert.Contains("not a recognised image", e.Message);
    }

    [Fact]
    public void Given_a_4D_file_without_a_volume_index_When_read_Then_the_error_says_how_to_choose_one()
    {
        var builder = Valid();
        builder.Dim = [4, 2, 2, 2, 3, 1, 1, 1];
        builder.Voxels = builder.Encode(16, Enumerable.Range(0, 24).Select(i => (double)i).ToArray());
        var path = builder.WriteNii(_temp.File("four.nii"));

        var e = ReadFails(path);

        Assert.Contains("NIfTI header says 4 dimensions (dim[4]=3)", e.Message);
        Assert.Contains("holds 3 volumes", e.Message);
        Assert.Contains("choose one with preprocess.volume_index in params.yaml (0 to 2", e.Message);
    }

    [Fact]
    public void Given_a_4D_file_and_a_volume_index_When_read_Then_that_volume_is_returned()
    {
        var builder = Valid();
        builder.Dim = [4, 2, 2, 2, 3, 1, 1, 1];
        builder.Voxels = builder.Encode(16, Enumerable.Range(0, 24).Select(i => (double)i).ToArray());
        var path = builder.WriteNii(_temp.File("four.nii.gz"));

        var volume = VolumeIO.Read(path, new VolumeReadOptions { VolumeIndex = 2 });

        Assert.Equal(Enumerable.Range(16, 8).Select(i => (float)i), volume.Data);
    }

    [Fact]
    public void Given_a_missing_file_When_read_Then_the_error_says_file_not_found()
    {
        var e = ReadFails(_temp.File("absent.nii.gz"));

        Assert.Contains("file not found", e.Message);
    }
}

internal static class RawNiftiBuilderExtensions
{
    public static RawNiftiBuilder WithSizeOfHeader(this RawNiftiBuilder b, int size)
    {
        b.SizeOfHeader = size;
        return b;
    }
}
