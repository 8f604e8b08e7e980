using MriTransfer.Imaging;

namespace MriTransfer.Tests.Imaging;

/// <summary>PNG, JPEG and BMP decoding (SkiaSharp, and the lossless 16-bit PNG path), written by <see cref="TestImages"/>.</summary>
public sealed class RasterImageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Given_a_16_bit_grey_PNG_When_read_Then_the_full_range_survives_as_a_one_slice_volume()
    {
        int[][] rows = [[0, 1, 40000], [257, 65535, 12345]];
        var path = Write("deep.png", TestImages.Png(3, 2, TestImages.Grey, 16, rows));

        var volume = VolumeIO.Read(path);

        Assert.Equal([3, 2, 1], volume.Shape);
        Assert.Equal([0f, 1, 40000, 257, 65535, 12345], volume.Data);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    public void Given_a_16_bit_grey_PNG_with_any_scanline_filter_or_interlacing_When_read_Then_every_sample_is_exact(int filter, bool interlaced)
    {
        var rows = Enumerable.Range(0, 11).Select(y => Enumerable.Range(0, 13).Select(x => (x * 5077 + y * 13001) % 65536).ToArray()).ToArray();
        var path = Write("filtered.png", TestImages.Png(13, 11, TestImages.Grey, 16, rows, filter: filter, interlaced: interlaced));

        var volume = VolumeIO.Read(path);

        Assert.Equal(rows.SelectMany(r => r).Select(v => (float)v), volume.Data);
    }

    [Fact]
    public void Given_a_16_bit_RGB_PNG_When_read_Then_it_is_BT709_luma_in_16_bits()
    {
        int[][] rows = [[65535, 0, 0, 0, 65535, 0, 0, 0, 65535, 1000, 1000, 1000]];
        var path = Write("deep-rgb.png", TestImages.Png(4, 1, TestImages.Rgb, 16, rows));

        var volume = VolumeIO.Read(path);

        Assert.Equal([13933f, 46871, 4732, 1000], volume.Data); // round(65535 × 0.2126, × 0.7152, × 0.0722)
    }

    [Fact]
    public void Given_a_16_bit_grey_and_alpha_PNG_When_read_Then_alpha_is_ignored()
    {
        int[][] rows = [[30000, 0, 50000, 65535]];
        var path = Write("deep-alpha.png", TestImages.Png(2, 1, TestImages.GreyAlpha, 16, rows));

        Assert.Equal([30000f, 50000], VolumeIO.Read(path).Data);
    }

    [Fact]
    public void Given_an_8_bit_grey_PNG_When_read_Then_every_value_is_kept()
    {
        int[][] rows = [[0, 1, 2, 127], [128, 200, 254, 255]];
        var path = Write("grey.png", TestImages.Png(4, 2, TestImages.Grey, 8, rows, filter: 4));

        var file = VolumeIO.ReadFile(path);

        Assert.Equal([0f, 1, 2, 127, 128, 200, 254, 255], file.Volume.Data);
        Assert.Equal("PNG", file.Info.Format);
        Assert.Equal([4L, 2], file.Info.FileShape);
    }

    [Fact]
    public void Given_an_RGB_PNG_When_read_Then_it_is_BT709_luma()
    {
        int[][] rows = [[255, 0, 0, 0, 255, 0, 0, 0, 255, 200, 200, 200]];
        var path = Write("colour.png", TestImages.Png(4, 1, TestImages.Rgb, 8, rows));

        Assert.Equal([54f, 182, 18, 200], VolumeIO.Read(path).Data);
    }

    [Fact]
    public void Given_a_palette_PNG_When_read_Then_each_index_becomes_the_luma_of_its_colour()
    {
        byte[] palette = [0, 0, 0, 255, 0, 0, 90, 90, 90];
        int[][] rows = [[0, 1, 2], [2, 1, 0]];
        var path = Write("palette.png", TestImages.Png(3, 2, TestImages.Palette, 8, rows, palette));

        Assert.Equal([0f, 54, 90, 90, 54, 0], VolumeIO.Read(path).Data);
    }

    [Fact]
    public void Given_an_RGBA_PNG_with_transparent_pixels_When_read_Then_alpha_is_ignored_not_multiplied_in()
    {
        int[][] rows = [[120, 120, 120, 0, 120, 120, 120, 128, 40, 40, 40, 255]];
        var path = Write("alpha.png", TestImages.Png(3, 1, TestImages.Rgba, 8, rows));

        Assert.Equal([120f, 120, 40], VolumeIO.Read(path).Data);
    }

    [Fact]
    public void Given_a_24_bit_BMP_When_read_Then_rows_come_top_first_as_grey()
    {
        byte[][] rgb = [[10, 10, 10, 20, 20, 20, 30, 30, 30], [40, 40, 40, 50, 50, 50, 60, 60, 60]];
        var path = Write("grey.bmp", TestImages.Bmp(3, 2, rgb));

        var file = VolumeIO.ReadFile(path);

        Assert.Equal([10f, 20, 30, 40, 50, 60], file.Volume.Data);
        Assert.Equal("BMP", file.Info.Format);
    }

    [Fact]
    public void Given_a_grey_JPEG_When_read_Then_it_is_grey_0_to_255_within_JPEG_loss()
    {
        var grey = Enumerable.Range(0, 8).Select(_ => Enumerable.Repeat((byte)200, 8).ToArray()).ToArray();
        var path = Write("grey.jpg", TestImages.Jpeg(8, 8, grey));

        var file = VolumeIO.ReadFile(path);

        Assert.Equal([8, 8, 1], file.Volume.Shape);
        Assert.Equal("JPEG", file.Info.Format);
        Assert.InRange(file.Volume.Data.Average(), 198f, 202f);
    }

    [Fact]
    public void Given_a_file_named_png_that_is_not_an_image_When_read_Then_the_error_says_so()
    {
        var path = _temp.File("fake.png");
        File.WriteAllText(path, "this is not a picture");

        var e = Assert.Throws<ImageReadException>(() => VolumeIO.Read(path));

        Assert.StartsWith(path, e.Message);
        Assert.Contains("not a recognised PNG, JPEG or BMP image", e.Message);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Given_a_truncated_PNG_When_read_Then_the_error_names_the_file_and_says_truncated(int bits)
    {
        var rows = Enumerable.Range(0, 64).Select(y => Enumerable.Range(0, 64).Select(x => (x * 37 + y * 91) % 251).ToArray()).ToArray();
        var whole = TestImages.Png(64, 64, TestImages.Grey, bits, rows);
        var path = Write("cut.png", whole[..(whole.Length / 2)]);

        var e = Assert.Throws<ImageReadException>(() => VolumeIO.Read(path));

        Assert.StartsWith(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Given_a_truncated_JPEG_When_read_Then_the_error_names_the_file_and_says_truncated()
    {
        var grey = Enumerable.Range(0, 64).Select(y => Enumerable.Range(0, 64).Select(x => (byte)(x * 3 + y)).ToArray()).ToArray();
        var whole = TestImages.Jpeg(64, 64, grey);
        var path = Write("cut.jpg", whole[..(whole.Length / 2)]);

        var e = Assert.Throws<ImageReadException>(() => VolumeIO.Read(path));

        Assert.StartsWith(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Given_a_PNG_whose_image_data_is_corrupt_When_read_Then_the_error_names_the_file()
    {
        var whole = TestImages.Png(16, 16, TestImages.Grey, 16, TestImages.Filled(16, 16, 1234));
        var idat = whole.AsSpan().IndexOf("IDAT"u8);
        for (var i = idat + 6; i < idat + 14; i++) whole[i] ^= 0x5A;
        var path = Write("corrupt.png", whole);

        var e = Assert.Throws<ImageReadException>(() => VolumeIO.Read(path));

        Assert.StartsWith(path, e.Message);
        Assert.Contains("PNG image data is", e.Message);
    }
}
