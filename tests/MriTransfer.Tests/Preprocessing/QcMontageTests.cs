using MriTransfer.Imaging;
using MriTransfer.Preprocessing;
using SkiaSharp;

namespace MriTransfer.Tests.Preprocessing;

public sealed class QcMontageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mt-qc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Given_a_RAS_volume_brighter_anteriorly_and_superiorly_when_sliced_for_QC_then_anterior_and_superior_are_at_the_top()
    {
        // Given intensity = y + z on a RAS grid (A = +y, S = +z)
        var volume = Volume.Create(4, 6, 8);
        for (var z = 0; z < 8; z++)
            for (var y = 0; y < 6; y++)
                for (var x = 0; x < 4; x++) volume[x, y, z] = y + z;

        var slices = QcMontage.Slices(volume, twoDimensional: false);

        // Then row 0 (top) of the axial slice is the most anterior row, of the coronal slice the most superior
        Assert.Equal(5 + 4, slices.Axial[0, 0]);
        Assert.Equal(3 + 7, slices.Coronal![0, 0]);
        Assert.True(slices.Axial[0, 0] > slices.Axial[5, 0]);
    }

    [Fact]
    public void Given_two_classes_when_the_montage_is_written_then_each_row_has_its_name_in_its_colour_above_it()
    {
        var volume = Volume.Create(16, 16, 16);
        for (var i = 0; i < volume.Data.Length; i++) volume.Data[i] = i % 7;
        var slices = QcMontage.Slices(volume, twoDimensional: false);
        var path = Path.Combine(_dir, "qc.png");

        QcMontage.Write(path, [("glioma", [slices, slices]), ("pituitary", [slices])]);

        using var image = SKBitmap.Decode(path);
        // 16² tiles are enlarged 8× to 128²; two rows of (label band 14 + tile 128 + gap 4) + top gap 4
        Assert.Equal(2 * (14 + 128 + 4) + 4, image.Height);
        Assert.Equal(10 + 4 + 4 * (128 + 4), image.Width);
        var red = new SKColor(230, 25, 75);
        var green = new SKColor(60, 180, 75);
        var firstBand = Enumerable.Range(0, 10).SelectMany(y => Enumerable.Range(0, 60).Select(x => image.GetPixel(14 + x, 4 + y))).ToList();
        var secondBand = Enumerable.Range(0, 10).SelectMany(y => Enumerable.Range(0, 60).Select(x => image.GetPixel(14 + x, 4 + 146 + y))).ToList();
        Assert.Contains(red, firstBand);
        Assert.Contains(green, secondBand);
        Assert.DoesNotContain(green, firstBand);
    }

    [Theory]
    [InlineData(32, 32, 4)] // the default 32³: 128 px tiles
    [InlineData(48, 48, 3)] // 144 px, not 96
    [InlineData(64, 48, 3)] // the shortest side reaches 128 px
    [InlineData(200, 200, 1)]
    [InlineData(4, 100, 5)] // a thin slice is capped at 512 px along its length
    public void Given_a_slice_size_when_the_montage_zoom_is_chosen_then_tiles_are_legible_and_bounded(int rows, int columns, int zoom)
    {
        Assert.Equal(zoom, QcMontage.Zoom([new float[rows, columns]]));
    }

    [Fact]
    public void Given_a_small_slice_when_the_montage_is_written_then_each_voxel_is_an_even_block_of_one_grey()
    {
        // Given a 2-D image of 8×8 voxels whose grey level steps with every voxel (no smoothing can hide between them)
        var volume = Volume.Create(8, 8, 1);
        for (var i = 0; i < volume.Data.Length; i++) volume.Data[i] = i;
        var path = Path.Combine(_dir, "qc.png");

        QcMontage.Write(path, [("glioma", [QcMontage.Slices(volume, twoDimensional: true)])]);

        // Then the tile is 128 px (zoom 16) and every 16×16 block is one colour: nearest neighbour, voxels visible
        using var image = SKBitmap.Decode(path);
        const int left = 10 + 4, top = 4 + 14, zoom = 16;
        Assert.Equal(left + 8 * zoom + 4, image.Width);
        for (var r = 0; r < 8; r++)
            for (var c = 0; c < 8; c++)
            {
                var block = Enumerable.Range(0, zoom).SelectMany(dy => Enumerable.Range(0, zoom).Select(dx => image.GetPixel(left + c * zoom + dx, top + r * zoom + dy)));
                Assert.Single(block.Distinct());
            }
    }
}
