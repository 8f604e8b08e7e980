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
}
