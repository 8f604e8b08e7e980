using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace MriTransfer.Tests.Imaging;

/// <summary>
/// Test-only image writers, independent of the library's decoders: PNGs laid out chunk by chunk (any colour type,
/// 8 or 16 bits, palette, Adam7), 24-bit BMPs byte by byte, and JPEGs through SkiaSharp's encoder.
/// </summary>
internal static class TestImages
{
    /// <summary>PNG colour types.</summary>
    public const byte Grey = 0, Rgb = 2, Palette = 3, GreyAlpha = 4, Rgba = 6;

    /// <summary>
    /// Writes a PNG of <paramref name="samples"/>[row][column · channels + channel] (palette: one index per pixel) at
    /// 8 or 16 bits, every scanline with filter <paramref name="filter"/> (0-4, encoded here).
    /// </summary>
    public static byte[] Png(int width, int height, byte colourType, int bitDepth, int[][] samples,
        byte[]? palette = null, int filter = 0, bool interlaced = false)
    {
        var channels = colourType switch { Grey or Palette => 1, GreyAlpha => 2, Rgb => 3, _ => 4 };
        var bytesPerSample = bitDepth / 8;
        var raw = new MemoryStream();
        if (!interlaced) WritePass(raw, samples, channels, bytesPerSample, filter, Enumerable.Range(0, height), Enumerable.Range(0, width).ToList());
        else
            foreach (var (x0, y0, dx, dy) in new[] { (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2) })
            {
                var rows = Enumerable.Range(0, height).Where(y => y >= y0 && (y - y0) % dy == 0);
                var columns = Enumerable.Range(0, width).Where(x => x >= x0 && (x - x0) % dx == 0).ToList();
                if (columns.Count > 0) WritePass(raw, samples, channels, bytesPerSample, filter, rows, columns);
            }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw.ToArray());

        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9], header[12]) = ((byte)bitDepth, colourType, (byte)(interlaced ? 1 : 0));
        Chunk(png, "IHDR", header);
        if (palette is not null) Chunk(png, "PLTE", palette);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A 24-bit bottom-up BMP of rgb[row][3 · column + channel] (row 0 = the picture's top row).</summary>
    public static byte[] Bmp(int width, int height, byte[][] rgb)
    {
        var stride = (3 * width + 3) / 4 * 4;
        var file = new byte[54 + stride * height];
        "BM"u8.CopyTo(file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(2), file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(28), 24);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var at = 54 + (height - 1 - y) * stride + 3 * x; // BMP stores blue, green, red, bottom row first
                (file[at], file[at + 1], file[at + 2]) = (rgb[y][3 * x + 2], rgb[y][3 * x + 1], rgb[y][3 * x]);
            }
        return file;
    }

    /// <summary>A JPEG of grey[row][column], encoded by SkiaSharp at quality 95.</summary>
    public static byte[] Jpeg(int width, int height, byte[][] grey)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++) bitmap.SetPixel(x, y, new SKColor(grey[y][x], grey[y][x], grey[y][x]));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    /// <summary>Rows of one constant value per channel.</summary>
    public static int[][] Filled(int width, int height, params int[] pixel) =>
        Enumerable.Range(0, height).Select(_ => Enumerable.Range(0, width).SelectMany(_ => pixel).ToArray()).ToArray();

    private static void WritePass(Stream raw, int[][] samples, int channels, int bytesPerSample, int filter, IEnumerable<int> rows, IReadOnlyList<int> columns)
    {
        var bpp = channels * bytesPerSample;
        var previous = new byte[columns.Count * bpp];
        foreach (var y in rows)
        {
            var line = new byte[columns.Count * bpp];
            for (var c = 0; c < columns.Count; c++)
                for (var k = 0; k < channels; k++)
                {
                    var value = samples[y][columns[c] * channels + k];
                    var at = c * bpp + k * bytesPerSample;
                    if (bytesPerSample == 2) BinaryPrimitives.WriteUInt16BigEndian(line.AsSpan(at), (ushort)value);
                    else line[at] = (byte)value;
                }
            raw.WriteByte((byte)filter);
            for (var i = 0; i < line.Length; i++)
            {
                int left = i >= bpp ? line[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
                var predicted = filter switch { 0 => 0, 1 => left, 2 => up, 3 => (left + up) / 2, _ => Paeth(left, up, upLeft) };
                raw.WriteByte((byte)(line[i] - predicted));
            }
            previous = line;
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>The CRC-32 of the PNG specification (polynomial 0xEDB88320), bit by bit.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }
}
