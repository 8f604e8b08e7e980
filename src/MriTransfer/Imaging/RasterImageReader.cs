using SkiaSharp;

namespace MriTransfer.Imaging;

/// <summary>
/// Reads 2-D images (PNG, JPEG, BMP) as single-slice grey volumes of 1 mm pixels (see <see cref="PlanarImage"/> for
/// how rows and columns map to the volume's axes). 8-bit images are decoded by SkiaSharp and keep 0..255; colour,
/// palette and alpha images become BT.709 luma of their (unpremultiplied) colour, alpha ignored. 16-bit PNGs keep
/// 0..65535: SkiaSharp decodes them only to 8 bits or half floats, so they go through <see cref="Png16Decoder"/>.
/// </summary>
public static class RasterImageReader
{
    public static VolumeFile Read(string path, VolumeReadOptions? options = null)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ImageReadException(path, $"cannot be read ({e.Message})", e); }
        if (Png16Decoder.IsSixteenBitPng(bytes))
        {
            var deep = Png16Decoder.Decode(path, bytes);
            return Result(deep.Grey, deep.Width, deep.Height, "PNG", deep.Description);
        }
        return DecodeWithSkia(path, bytes);
    }

    private static VolumeFile DecodeWithSkia(string path, byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes, writable: false), out var created);
        if (codec is null || created != SKCodecResult.Success)
            throw new ImageReadException(path, $"not a recognised PNG, JPEG or BMP image (SkiaSharp: {created})");
        var format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => "PNG",
            SKEncodedImageFormat.Jpeg => "JPEG",
            SKEncodedImageFormat.Bmp => "BMP",
            var other => throw new ImageReadException(path, $"is a {other} image; expected PNG, JPEG or BMP"),
        };
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) throw new ImageReadException(path, $"image size is {width}×{height}, expected at least 1×1");
        var grey = codec.Info.ColorType == SKColorType.Gray8;
        var info = new SKImageInfo(width, height, grey ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var decoded = codec.GetPixels(info, bitmap.GetPixels());
        if (decoded != SKCodecResult.Success)
            throw new ImageReadException(path, decoded == SKCodecResult.IncompleteInput
                ? $"{format} image is truncated: its {width}×{height} pixels end early"
                : $"{format} image is corrupt ({decoded})");

        var pixels = bitmap.GetPixelSpan();
        var voxels = new float[(long)width * height];
        var rowBytes = bitmap.RowBytes;
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * rowBytes, rowBytes);
            for (var x = 0; x < width; x++)
                voxels[x + (long)width * y] = grey ? row[x] : Luma8(row[4 * x], row[4 * x + 1], row[4 * x + 2]);
        }
        return Result(voxels, width, height, format, grey ? "uint8 grey" : "colour → uint8 grey (BT.709 luma)");
    }

    private static VolumeFile Result(float[] voxels, int width, int height, string format, string dataType) =>
        new(PlanarImage.Volume(voxels, width, height), new ImageFileInfo(format, dataType, [width, height], PlanarImage.AffineSource, false, 0));

    /// <summary>BT.709 luma rounded to a byte, as ImageSharp's L8 conversion computed it (so existing cohorts read the same).</summary>
    internal static byte Luma8(byte r, byte g, byte b) => (byte)(r * .2126F + g * .7152F + b * .0722F + 0.5F);

    /// <summary>BT.709 luma rounded to 16 bits, as ImageSharp's L16 conversion computed it.</summary>
    internal static ushort Luma16(ushort r, ushort g, ushort b) => (ushort)(r * .2126F + g * .7152F + b * .0722F + 0.5F);
}
