using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Preprocessing;
using SkiaSharp;

namespace MriTransfer.Tests.Imaging;

/// <summary>
/// A 2-D picture keeps its look from the file to qc.png: row 0 (the top) is anterior and stays on top, column 0 stays
/// on the left. The picture is asymmetric both ways, so a flip of either axis shows.
/// </summary>
public sealed class PlanarOrientationTests : IDisposable
{
    private const int Width = 40, Height = 30;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Black border, grey head, a bright block top left and a mid-grey bar bottom right.</summary>
    private string AsymmetricPng()
    {
        var rows = Enumerable.Range(0, Height).Select(y => Enumerable.Range(0, Width).Select(x =>
            x < 2 || y < 2 || x >= Width - 2 || y >= Height - 2 ? 0
            : x is >= 4 and < 14 && y is >= 4 and < 11 ? 250
            : x is >= 27 and < 37 && y is >= 19 and < 26 ? 170
            : 100).ToArray()).ToArray();
        var path = _temp.File("slice.png");
        File.WriteAllBytes(path, TestImages.Png(Width, Height, TestImages.Grey, 8, rows));
        return path;
    }

    [Fact]
    public void Given_a_PNG_When_read_Then_row_0_is_the_most_anterior_row_and_columns_run_to_the_right()
    {
        var file = VolumeIO.ReadFile(AsymmetricPng());

        var v = file.Volume;
        Assert.Equal("RPS", Orientation.AxisCodes(v.Affine));
        Assert.Equal(250f, v[5, 5, 0]); // voxel (column, row) is the file's pixel
        Assert.Equal(Height - 1 - 5, v.Affine[1, 1] * 5 + v.Affine[1, 3]); // row 5 lies 5 mm behind the top row
    }

    [Fact]
    public void Given_an_asymmetric_PNG_When_preprocessed_in_2d_mode_and_drawn_in_qc_png_Then_it_looks_as_an_image_viewer_shows_the_file()
    {
        var input = VolumeIO.Read(AsymmetricPng());
        var settings = TestSettings.Preprocess with { Mode = CohortMode.TwoD, SliceShape = [Width, Height], CropMargin = 0 };
        var output = VolumePreprocessor.Process(input, settings);
        var qc = _temp.File("qc.png");

        QcMontage.Write(qc, [("tumour", [QcMontage.Slices(output, twoDimensional: true)])]);

        // the tile starts after the class strip and gap (14 px) and below the label band (4 + 14 px), enlarged 5×
        // (its 30-pixel side to at least 128); each quadrant is half the picture each way
        using var montage = SKBitmap.Decode(qc);
        const int zoom = 5, w = Width / 2 * zoom, h = Height / 2 * zoom;
        Assert.Equal(14 + Width * zoom + 4, montage.Width);
        double Mean(int x0, int y0) => Enumerable.Range(0, h).SelectMany(dy => Enumerable.Range(0, w).Select(dx => (double)montage.GetPixel(14 + x0 + dx, 18 + y0 + dy).Red)).Average();
        double topLeft = Mean(0, 0), topRight = Mean(w, 0), bottomLeft = Mean(0, h), bottomRight = Mean(w, h);
        Assert.True(topLeft > Math.Max(topRight, Math.Max(bottomLeft, bottomRight)), $"bright block not top left: TL {topLeft:F0}, TR {topRight:F0}, BL {bottomLeft:F0}, BR {bottomRight:F0}");
        Assert.True(bottomRight > Math.Max(topRight, bottomLeft), $"mid-grey bar not bottom right: TR {topRight:F0}, BL {bottomLeft:F0}, BR {bottomRight:F0}");
    }
}
