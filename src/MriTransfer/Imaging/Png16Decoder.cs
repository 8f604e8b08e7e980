using System.Buffers.Binary;
using System.IO.Compression;

namespace MriTransfer.Imaging;

/// <summary>
/// Decodes 16-bit-per-channel PNGs losslessly (grey, grey + alpha, RGB, RGBA; plain or Adam7-interlaced), which
/// SkiaSharp cannot: it decodes them to 8 bits or to half floats (11 significant bits), losing precision. Colour
/// becomes BT.709 luma in 16 bits; alpha is ignored. Chunks other than IHDR, IDAT and IEND are skipped.
/// </summary>
internal static class Png16Decoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Adam7 passes: (first column, first row, column step, row step).</summary>
    private static readonly (int X, int Y, int Dx, int Dy)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    public sealed record Image(float[] Grey, int Width, int Height, string Description);

    /// <summary>True when the bytes are a PNG whose IHDR says 16 bits per sample.</summary>
    public static bool IsSixteenBitPng(ReadOnlySpan<byte> file) =>
        file.Length >= 29 && file[..8].SequenceEqual(Signature) && file.Slice(12, 4).SequenceEqual("IHDR"u8) && file[24] == 16;

    public static Image Decode(string path, byte[] file)
    {
        int width = 0, height = 0, colourType = 0, interlace = 0;
        using var idat = new MemoryStream();
        var position = 8;
        var ended = false;
        while (!ended)
        {
            if (position + 8 > file.Length) throw new ImageReadException(path, "PNG is truncated: it ends before its IEND chunk");
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(position));
            var type = System.Text.Encoding.ASCII.GetString(file, position + 4, 4);
            if (length < 0 || position + 12L + length > file.Length)
                throw new ImageReadException(path, $"PNG is truncated: chunk {type} at byte {position} needs {length} bytes of data, the file ends before");
            var data = file.AsSpan(position + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    colourType = data[9];
                    interlace = data[12];
                    if (data[10] != 0 || data[11] != 0 || interlace > 1)
                        throw new ImageReadException(path, $"PNG IHDR has compression {data[10]}, filter {data[11]}, interlace {interlace}; expected 0, 0 and 0 or 1");
                    break;
                case "IDAT": idat.Write(data); break;
                case "IEND": ended = true; break;
            }
            position += 12 + length;
        }
        var channels = colourType switch
        {
            0 => 1, 4 => 2, 2 => 3, 6 => 4,
            _ => throw new ImageReadException(path, $"16-bit PNG has colour type {colourType}; expected 0 (grey), 2 (RGB), 4 (grey + alpha) or 6 (RGBA)"),
        };
        if (width <= 0 || height <= 0 || (long)width * height > Array.MaxLength)
            throw new ImageReadException(path, $"PNG IHDR says {width}×{height} pixels, expected a positive size that fits in memory");

        var grey = new float[(long)width * height];
        idat.Position = 0;
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            try
            {
                if (interlace == 0) DecodePass(path, zlib, grey, width, channels, (0, 0, 1, 1), width, height);
                else
                    foreach (var pass in Adam7)
                    {
                        int columns = (width - pass.X + pass.Dx - 1) / pass.Dx, rows = (height - pass.Y + pass.Dy - 1) / pass.Dy;
                        if (columns > 0 && rows > 0) DecodePass(path, zlib, grey, width, channels, pass, columns, rows);
                    }
            }
            catch (InvalidDataException e) { throw new ImageReadException(path, $"PNG image data is corrupt ({e.Message})", e); }
        }
        var description = channels switch { 1 => "uint16 grey", 2 => "uint16 grey + alpha → uint16 grey", _ => "16-bit colour → uint16 grey (BT.709 luma)" };
        return new Image(grey, width, height, description);
    }

    /// <summary>Reads <paramref name="rows"/> filtered scanlines of <paramref name="columns"/> pixels and stores their grey values.</summary>
    private static void DecodePass(string path, Stream zlib, float[] grey, int width, int channels, (int X, int Y, int Dx, int Dy) pass, int columns, int rows)
    {
        var bytesPerPixel = 2 * channels;
        var stride = columns * bytesPerPixel;
        var previous = new byte[stride];
        var current = new byte[stride];
        for (var row = 0; row < rows; row++)
        {
            var filter = zlib.ReadByte();
            var got = filter < 0 ? 0 : zlib.ReadAtLeast(current, stride, throwOnEndOfStream: false);
            if (got < stride) throw new ImageReadException(path, $"PNG image data is truncated: it ends in scanline {row} of {rows}");
            Unfilter(path, filter, current, previous, bytesPerPixel);
            var y = pass.Y + row * pass.Dy;
            for (var c = 0; c < columns; c++)
            {
                var p = current.AsSpan(c * bytesPerPixel);
                var first = BinaryPrimitives.ReadUInt16BigEndian(p);
                var value = channels <= 2 ? first
                    : RasterImageReader.Luma16(first, BinaryPrimitives.ReadUInt16BigEndian(p[2..]), BinaryPrimitives.ReadUInt16BigEndian(p[4..]));
                grey[pass.X + c * pass.Dx + (long)width * y] = value;
            }
            (previous, current) = (current, previous);
        }
    }

    private static void Unfilter(string path, int filter, byte[] line, byte[] previous, int bpp)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= bpp ? line[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
            line[i] = filter switch
            {
                0 => line[i],
                1 => (byte)(line[i] + left),
                2 => (byte)(line[i] + up),
                3 => (byte)(line[i] + (left + up) / 2),
                4 => (byte)(line[i] + Paeth(left, up, upLeft)),
                _ => throw new ImageReadException(path, $"PNG scanline filter type is {filter}, expected 0 to 4"),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
