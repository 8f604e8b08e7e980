using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MriTransfer.Imaging;

/// <summary>
/// Reads 2-D images (PNG incl. 16-bit grey, JPEG, BMP) as single-slice grey volumes of 1 mm pixels:
/// x = column, y = row (row 0 = the image's top row), z = 1. Colour images become luma (ImageSharp's L8/L16 conversion).
/// 8-bit images keep 0..255; 16-bit PNGs keep 0..65535.
/// </summary>
public static class RasterImageReader
{
    public static VolumeFile Read(string path, VolumeReadOptions? options = null)
    {
        try
        {
            var info = Image.Identify(path) ?? throw new ImageReadException(path, "not a recognised PNG, JPEG or BMP image");
            var bits = info.PixelType.BitsPerPixel;
            var sixteen = bits is 16 or 48 or 64;
            var format = Image.DetectFormat(path)?.Name ?? "image";
            float[] data;
            int width, height;
            if (sixteen)
            {
                using var image = Image.Load<L16>(path);
                (width, height, data) = (image.Width, image.Height, new float[(long)image.Width * image.Height]);
                image.ProcessPixelRows(rows =>
                {
                    for (var y = 0; y < rows.Height; y++)
                    {
                        var row = rows.GetRowSpan(y);
                        for (var x = 0; x < row.Length; x++) data[x + (long)width * y] = row[x].PackedValue;
                    }
                });
            }
            else
            {
                using var image = Image.Load<L8>(path);
                (width, height, data) = (image.Width, image.Height, new float[(long)image.Width * image.Height]);
                image.ProcessPixelRows(rows =>
                {
                    for (var y = 0; y < rows.Height; y++)
                    {
                        var row = rows.GetRowSpan(y);
                        for (var x = 0; x < row.Length; x++) data[x + (long)width * y] = row[x].PackedValue;
                    }
                });
            }
            var volume = new Volume(data, [width, height, 1], [1, 1, 1], Volume.DiagonalAffine(1, 1, 1));
            return new VolumeFile(volume, new ImageFileInfo(format, sixteen ? $"{bits}-bit → uint16 grey" : $"{bits}-bit → uint8 grey", [width, height], "none", false, 0));
        }
        catch (UnknownImageFormatException e) { throw new ImageReadException(path, "not a recognised PNG, JPEG or BMP image (unknown content)", e); }
        catch (InvalidImageContentException e) { throw new ImageReadException(path, $"image content is corrupt ({e.Message})", e); }
        catch (ImageFormatException e) { throw new ImageReadException(path, $"image is corrupt or truncated ({e.Message})", e); }
    }
}
