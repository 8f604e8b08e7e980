using System.Text;

namespace MriTransfer.Imaging.Matlab;

/// <summary>Which MAT-file format a file is: v7.3 is HDF5 behind a 512-byte (or larger) user block, v5/v7 its own binary format.</summary>
internal enum MatFormat { NotMat, V5, V73 }

internal static class MatFileKind
{
    private static readonly byte[] Hdf5Signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Looks at the 128-byte text header and for the HDF5 signature at 0, 512, 1024 or 2048 (where HDF5 allows it after a user block).</summary>
    public static MatFormat Of(string path)
    {
        var head = new byte[2048 + 8];
        int got;
        using (var file = File.OpenRead(path)) got = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        foreach (var offset in new[] { 0, 512, 1024, 2048 })
            if (got >= offset + 8 && head.AsSpan(offset, 8).SequenceEqual(Hdf5Signature)) return MatFormat.V73;
        var text = Encoding.ASCII.GetString(head, 0, Math.Min(got, 116));
        return text.StartsWith("MATLAB 5.0 MAT-file", StringComparison.Ordinal) ? MatFormat.V5 : MatFormat.NotMat;
    }

    /// <summary>
    /// The file length the HDF5 superblock declares (its end-of-file address; HDF5 writers record it counting the user
    /// block), or null when the superblock cannot say. A shorter file was cut off: PureHDF would read the missing
    /// chunks as fill values (a blank image) instead of failing.
    /// </summary>
    public static long? DeclaredHdf5Length(string path)
    {
        var head = new byte[2048 + 64];
        int got;
        using (var file = File.OpenRead(path)) got = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        foreach (var at in new[] { 0, 512, 1024, 2048 })
        {
            if (got < at + 64 || !head.AsSpan(at, 8).SequenceEqual(Hdf5Signature)) continue;
            var version = head[at + 8];
            var (offsetSize, eofAt) = version switch
            {
                0 => (head[at + 13], at + 24 + 2 * head[at + 13]),
                1 => (head[at + 13], at + 28 + 2 * head[at + 13]),
                2 or 3 => (head[at + 9], at + 12 + 2 * head[at + 9]),
                _ => ((byte)0, 0),
            };
            if (offsetSize is not (4 or 8)) return null;
            var eof = offsetSize == 4 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(eofAt))
                : System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(head.AsSpan(eofAt));
            return eof is 0 or > long.MaxValue || (offsetSize == 4 && eof == uint.MaxValue) ? null : (long)eof;
        }
        return null;
    }

    /// <summary>True when the file starts like a MAT-file of any version (for recognising a .mat whose name does not say so).</summary>
    public static bool LooksLikeMat(ReadOnlySpan<byte> head) =>
        head.StartsWith("MATLAB 5.0 MAT-file"u8) || head.StartsWith("MATLAB 7.3 MAT-file"u8);
}
