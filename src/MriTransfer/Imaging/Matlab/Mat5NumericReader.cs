using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MriTransfer.Imaging.Matlab;

/// <summary>
/// Reads one real numeric matrix from a MATLAB v5/v7 MAT-file (the format <c>save</c> writes without <c>-v7.3</c>):
/// a 128-byte header, then data elements, each maybe zlib-compressed (miCOMPRESSED, v7), holding miMATRIX arrays of
/// flags, dimensions, name and real part in any numeric storage type, either byte order. Structs, cells, sparse,
/// complex and character arrays are skipped or refused: this is for index vectors such as the Figshare set's cvind.mat.
/// </summary>
internal static class Mat5NumericReader
{
    private const int MiInt8 = 1, MiUInt8 = 2, MiInt16 = 3, MiUInt16 = 4, MiInt32 = 5, MiUInt32 = 6, MiSingle = 7, MiDouble = 9,
        MiInt64 = 12, MiUInt64 = 13, MiMatrix = 14, MiCompressed = 15;

    /// <summary>The variable named <paramref name="name"/>: its values in MATLAB (column-major) order and its dimensions.</summary>
    public static (double[] Values, int[] Dims) Read(string path, string name)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 128) throw new ImageReadException(path, $"MAT-file is {bytes.Length} bytes, shorter than its 128-byte header");
        var bigEndian = bytes[126] == (byte)'M' && bytes[127] == (byte)'I';
        var reader = new Elements(path, bigEndian);
        var seen = new List<string>();
        var position = 128;
        while (position + 8 <= bytes.Length)
        {
            var (type, size, dataAt, next) = reader.Tag(bytes, position);
            var element = bytes.AsSpan(dataAt, size);
            if (type == MiCompressed)
            {
                var inflated = Inflate(path, element.ToArray());
                (type, size, dataAt, _) = reader.Tag(inflated, 0);
                if (type == MiMatrix && reader.Matrix(inflated.AsSpan(dataAt, size)) is { } m)
                {
                    if (m.Name == name) return (m.Values, m.Dims);
                    seen.Add(m.Name);
                }
            }
            else if (type == MiMatrix && reader.Matrix(element) is { } m)
            {
                if (m.Name == name) return (m.Values, m.Dims);
                seen.Add(m.Name);
            }
            position = next;
        }
        throw new ImageReadException(path, $"has no numeric variable '{name}' (numeric variables found: {(seen.Count == 0 ? "none" : string.Join(", ", seen))})");
    }

    private static byte[] Inflate(string path, byte[] compressed)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            zlib.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e) { throw new ImageReadException(path, $"a compressed MAT-file element is corrupt ({e.Message})", e); }
    }

    private readonly struct Elements(string path, bool bigEndian)
    {
        private uint U32(ReadOnlySpan<byte> b) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);

        /// <summary>An element's type, size, where its data starts and where the next element starts (8-byte aligned).</summary>
        public (int Type, int Size, int DataAt, int Next) Tag(byte[] bytes, int at)
        {
            if (at + 8 > bytes.Length) throw new ImageReadException(path, $"MAT-file is truncated: an element tag at byte {at} is cut off");
            var first = U32(bytes.AsSpan(at));
            if (first >> 16 != 0) return ((int)(first & 0xFFFF), (int)(first >> 16), at + 4, at + 8); // small element: data in the tag
            var size = U32(bytes.AsSpan(at + 4));
            if (at + 8L + size > bytes.Length)
                throw new ImageReadException(path, $"MAT-file is truncated: the element at byte {at} needs {size} bytes, the file ends after {bytes.Length - at - 8}");
            var type = (int)first;
            var next = at + 8 + (int)size;
            if (type != MiCompressed) next = (next + 7) / 8 * 8;
            return (type, (int)size, at + 8, next);
        }

        /// <summary>A real numeric matrix's name, dimensions and values, or null for any other array class.</summary>
        public (string Name, int[] Dims, double[] Values)? Matrix(ReadOnlySpan<byte> content)
        {
            var bytes = content.ToArray();
            var (flagsType, _, flagsAt, next) = Tag(bytes, 0);
            if (flagsType != MiUInt32) return null;
            var flags = U32(bytes.AsSpan(flagsAt));
            var arrayClass = (int)(flags & 0xFF);
            var complex = (flags & 0x0800) != 0;
            var (dimsType, dimsSize, dimsAt, afterDims) = Tag(bytes, next);
            var dims = Numbers(dimsType, bytes.AsSpan(dimsAt, dimsSize)).Select(d => (int)d).ToArray();
            var (_, nameSize, nameAt, afterName) = Tag(bytes, afterDims);
            var name = Encoding.ASCII.GetString(bytes, nameAt, nameSize);
            if (arrayClass is < 6 or > 15 || complex) return null; // 6..15 = double, single, int8 ... uint64
            var (realType, realSize, realAt, _) = Tag(bytes, afterName);
            return (name, dims, Numbers(realType, bytes.AsSpan(realAt, realSize)));
        }

        private double[] Numbers(int type, ReadOnlySpan<byte> data)
        {
            var width = type switch
            {
                MiInt8 or MiUInt8 => 1, MiInt16 or MiUInt16 => 2, MiInt32 or MiUInt32 or MiSingle => 4, MiDouble or MiInt64 or MiUInt64 => 8,
                _ => throw new ImageReadException(path, $"MAT-file data element has storage type {type}, expected a numeric type"),
            };
            var values = new double[data.Length / width];
            var be = bigEndian;
            for (var i = 0; i < values.Length; i++)
            {
                var b = data.Slice(i * width, width);
                values[i] = type switch
                {
                    MiInt8 => (sbyte)b[0],
                    MiUInt8 => b[0],
                    MiInt16 => be ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b),
                    MiUInt16 => be ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b),
                    MiInt32 => be ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b),
                    MiUInt32 => be ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b),
                    MiSingle => be ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b),
                    MiDouble => be ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b),
                    MiInt64 => be ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b),
                    _ => be ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b),
                };
            }
            return values;
        }
    }
}
