using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using MriTransfer.Imaging.Nifti;

namespace MriTransfer.Imaging;

/// <summary>
/// Decodes stored voxels straight from a stream into a float array in fixed-size chunks, so the voxel
/// data is never held twice (little-endian float32 on a little-endian machine is read in place).
/// </summary>
internal static class VoxelDecoder
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>Fills <paramref name="target"/>; throws <see cref="EndOfStreamException"/> with the bytes read so far when the stream ends early.</summary>
    public static void Decode(Stream stream, NiftiDataType type, bool bigEndian, float[] target, double slope = 1, double inter = 0)
    {
        var scale = slope != 1 || inter != 0;
        if (type == NiftiDataType.Float32 && bigEndian == !BitConverter.IsLittleEndian)
        {
            var bytes = MemoryMarshal.AsBytes(target.AsSpan());
            ReadFully(stream, bytes, 0);
            if (scale) for (var i = 0; i < target.Length; i++) target[i] = (float)(target[i] * slope + inter);
            return;
        }

        var size = NiftiDataTypes.BytesPerVoxel(type);
        var perChunk = Math.Max(1, ChunkBytes / size);
        var buffer = ArrayPool<byte>.Shared.Rent(perChunk * size);
        try
        {
            long done = 0;
            while (done < target.Length)
            {
                var count = (int)Math.Min(perChunk, target.Length - done);
                var chunk = buffer.AsSpan(0, count * size);
                ReadFully(stream, chunk, done * size);
                var output = target.AsSpan((int)done, count);
                Convert(chunk, type, bigEndian, output);
                if (scale) foreach (ref var v in output) v = (float)(v * slope + inter);
                done += count;
            }
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    private static void ReadFully(Stream stream, Span<byte> into, long alreadyRead)
    {
        var got = stream.ReadAtLeast(into, into.Length, throwOnEndOfStream: false);
        if (got < into.Length) throw new EndOfStreamException((alreadyRead + got).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Convert(ReadOnlySpan<byte> src, NiftiDataType type, bool be, Span<float> dst)
    {
        switch (type)
        {
            case NiftiDataType.UInt8: for (var i = 0; i < dst.Length; i++) dst[i] = src[i]; break;
            case NiftiDataType.Int8: for (var i = 0; i < dst.Length; i++) dst[i] = (sbyte)src[i]; break;
            case NiftiDataType.Int16:
                for (var i = 0; i < dst.Length; i++) dst[i] = be ? BinaryPrimitives.ReadInt16BigEndian(src[(2 * i)..]) : BinaryPrimitives.ReadInt16LittleEndian(src[(2 * i)..]);
                break;
            case NiftiDataType.UInt16:
                for (var i = 0; i < dst.Length; i++) dst[i] = be ? BinaryPrimitives.ReadUInt16BigEndian(src[(2 * i)..]) : BinaryPrimitives.ReadUInt16LittleEndian(src[(2 * i)..]);
                break;
            case NiftiDataType.Int32:
                for (var i = 0; i < dst.Length; i++) dst[i] = be ? BinaryPrimitives.ReadInt32BigEndian(src[(4 * i)..]) : BinaryPrimitives.ReadInt32LittleEndian(src[(4 * i)..]);
                break;
            case NiftiDataType.UInt32:
                for (var i = 0; i < dst.Length; i++) dst[i] = be ? BinaryPrimitives.ReadUInt32BigEndian(src[(4 * i)..]) : BinaryPrimitives.ReadUInt32LittleEndian(src[(4 * i)..]);
                break;
            case NiftiDataType.Int64:
                for (var i = 0; i < dst.Length; i++) dst[i] = be ? BinaryPrimitives.ReadInt64BigEndian(src[(8 * i)..]) : BinaryPrimitives.ReadInt64LittleEndian(src[(8 * i)..]);
                break;
            case NiftiDataType.UInt64:
                for (var i = 0; i < dst.Length; i++) dst[i] = be ? BinaryPrimitives.ReadUInt64BigEndian(src[(8 * i)..]) : BinaryPrimitives.ReadUInt64LittleEndian(src[(8 * i)..]);
                break;
            case NiftiDataType.Float32:
                for (var i = 0; i < dst.Length; i++) dst[i] = be ? BinaryPrimitives.ReadSingleBigEndian(src[(4 * i)..]) : BinaryPrimitives.ReadSingleLittleEndian(src[(4 * i)..]);
                break;
            case NiftiDataType.Float64:
                for (var i = 0; i < dst.Length; i++) dst[i] = (float)(be ? BinaryPrimitives.ReadDoubleBigEndian(src[(8 * i)..]) : BinaryPrimitives.ReadDoubleLittleEndian(src[(8 * i)..]));
                break;
            case NiftiDataType.Rgb24:
                // ITU-R BT.601 luma of interleaved R, G, B bytes.
                for (var i = 0; i < dst.Length; i++) dst[i] = (float)(0.299 * src[3 * i] + 0.587 * src[3 * i + 1] + 0.114 * src[3 * i + 2]);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    /// <summary>Counts NaN/±Inf voxels and returns the first one's (x, y, z) index (vectorised: x − x is 0 only for finite x).</summary>
    public static (long Count, int[] First) FindNonFinite(float[] data, int[] shape)
    {
        var width = System.Numerics.Vector<float>.Count;
        var vectors = MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(data.AsSpan());
        var firstBlock = -1;
        for (var i = 0; i < vectors.Length; i++)
            if (!System.Numerics.Vector.EqualsAll(vectors[i] - vectors[i], System.Numerics.Vector<float>.Zero)) { firstBlock = i; break; }
        var start = firstBlock >= 0 ? (long)firstBlock * width : (long)vectors.Length * width;
        long count = 0;
        var first = -1L;
        for (var i = start; i < data.LongLength; i++)
            if (!float.IsFinite(data[i])) { if (first < 0) first = i; count++; }
        if (count == 0) return (0, []);
        var nx = shape[0]; var ny = shape[1];
        return (count, [(int)(first % nx), (int)(first / nx % ny), (int)(first / ((long)nx * ny))]);
    }
}
