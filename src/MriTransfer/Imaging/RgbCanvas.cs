using System.Runtime.InteropServices;
using SkiaSharp;

namespace MriTransfer.Imaging;

/// <summary>An 8-bit RGB colour.</summary>
public readonly record struct Rgb(byte R, byte G, byte B);

/// <summary>An RGB picture in memory that pixels are drawn into one by one and that is saved as PNG (through SkiaSharp).</summary>
public sealed class RgbCanvas
{
    private readonly byte[] _rgba;

    public RgbCanvas(int width, int height, Rgb background)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"canvas size must be positive, got {width}×{height}");
        Width = width;
        Height = height;
        _rgba = new byte[4L * width * height];
        for (var i = 0; i < _rgba.Length; i += 4) (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]) = (background.R, background.G, background.B, 255);
    }

    public int Width { get; }
    public int Height { get; }

    public Rgb this[int x, int y]
    {
        get { var i = Index(x, y); return new Rgb(_rgba[i], _rgba[i + 1], _rgba[i + 2]); }
        set { var i = Index(x, y); (_rgba[i], _rgba[i + 1], _rgba[i + 2]) = (value.R, value.G, value.B); }
    }

    /// <summary>Writes the picture as an opaque RGBA PNG, atomically (temporary file in the same folder, then move).</summary>
    public void SavePng(string path)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Marshal.Copy(_rgba, 0, bitmap.GetPixels(), _rgba.Length);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"{path}: SkiaSharp could not encode a {Width}×{Height} PNG");
        ImageFiles.WriteAtomically(path, stream => png.SaveTo(stream));
    }

    private long Index(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) throw new ArgumentOutOfRangeException(nameof(x), $"pixel ({x}, {y}) is outside the {Width}×{Height} canvas");
        return 4L * (x + (long)Width * y);
    }
}
