using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MriTransfer.Tests.Imaging;

/// <summary>
/// Test-only NIfTI writer, independent of the library's writer: lays out every header field by hand for
/// any datatype, either byte order and either version, and lets a test break any field on purpose.
/// </summary>
internal sealed class RawNiftiBuilder
{
    public int Version { get; set; } = 1;
    public bool BigEndian { get; set; }
    public long[] Dim { get; set; } = [3, 2, 3, 4, 1, 1, 1, 1];
    public short DataType { get; set; } = 16;
    public short BitPix { get; set; } = 32;
    public double[] PixDim { get; set; } = [1, 2, 3, 4, 1, 1, 1, 1];
    public double? VoxOffset { get; set; }
    public double SclSlope { get; set; } = 1;
    public double SclInter { get; set; }
    public short QformCode { get; set; }
    public short SformCode { get; set; }
    public double[] Quatern { get; set; } = [0, 0, 0];
    public double[] QOffset { get; set; } = [0, 0, 0];
    public double[] SRow { get; set; } = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];
    public string Magic { get; set; } = "";
    /// <summary>NIfTI-1 only: the SPM origin (1-based voxel) written into Analyze's originator field (bytes 253-258).</summary>
    public short[]? AnalyzeOrigin { get; set; }
    public int? SizeOfHeader { get; set; }
    /// <summary>Extension bytes written after the 4-byte extension flag (flag = 1 when not empty).</summary>
    public byte[] Extension { get; set; } = [];
    /// <summary>Already-encoded voxel bytes (use <see cref="Encode"/>).</summary>
    public byte[] Voxels { get; set; } = [];

    private int HeaderSize => Version == 1 ? 348 : 540;

    public byte[] Header(bool pair = false)
    {
        var h = new byte[HeaderSize];
        var magic = Magic != "" ? Magic : (pair ? "ni" : "n+") + Version;
        var voxOffset = VoxOffset ?? (pair ? 0 : HeaderSize + 4 + Extension.Length);
        I32(h, 0, SizeOfHeader ?? HeaderSize);
        if (Version == 1)
        {
            for (var i = 0; i < 8; i++) I16(h, 40 + 2 * i, (short)Dim[i]);
            I16(h, 70, DataType); I16(h, 72, BitPix);
            for (var i = 0; i < 8; i++) F32(h, 76 + 4 * i, PixDim[i]);
            F32(h, 108, voxOffset); F32(h, 112, SclSlope); F32(h, 116, SclInter);
            I16(h, 252, QformCode); I16(h, 254, SformCode);
            for (var i = 0; i < 3; i++) { F32(h, 256 + 4 * i, Quatern[i]); F32(h, 268 + 4 * i, QOffset[i]); }
            for (var i = 0; i < 12; i++) F32(h, 280 + 4 * i, SRow[i]);
            Encoding.ASCII.GetBytes(magic.PadRight(4, '\0')[..4]).CopyTo(h, 344);
            for (var i = 0; i < 3 && AnalyzeOrigin is { } origin; i++) I16(h, 253 + 2 * i, origin[i]);
        }
        else
        {
            Encoding.ASCII.GetBytes((magic + "\0\r\n\u001a\n").PadRight(8, '\0')[..8]).CopyTo(h, 4);
            I16(h, 12, DataType); I16(h, 14, BitPix);
            for (var i = 0; i < 8; i++) I64(h, 16 + 8 * i, Dim[i]);
            for (var i = 0; i < 8; i++) F64(h, 104 + 8 * i, PixDim[i]);
            I64(h, 168, (long)voxOffset); F64(h, 176, SclSlope); F64(h, 184, SclInter);
            I32(h, 344, QformCode); I32(h, 348, SformCode);
            for (var i = 0; i < 3; i++) { F64(h, 352 + 8 * i, Quatern[i]); F64(h, 376 + 8 * i, QOffset[i]); }
            for (var i = 0; i < 12; i++) F64(h, 400 + 8 * i, SRow[i]);
        }
        return h;
    }

    /// <summary>Single-file bytes: header, extension flag (+ extension), padding to vox_offset, voxels.</summary>
    public byte[] SingleFile()
    {
        using var ms = new MemoryStream();
        ms.Write(Header());
        var flag = new byte[4];
        if (Extension.Length > 0) flag[0] = 1;
        ms.Write(flag);
        ms.Write(Extension);
        var offset = (long)(VoxOffset ?? ms.Length);
        while (ms.Length < offset) ms.WriteByte(0);
        ms.Write(Voxels);
        return ms.ToArray();
    }

    public string WriteNii(string path)
    {
        var bytes = SingleFile();
        File.WriteAllBytes(path, path.EndsWith(".gz", StringComparison.Ordinal) ? Gzip(bytes) : bytes);
        return path;
    }

    public string WritePair(string hdrPath, bool gzipImage = false)
    {
        File.WriteAllBytes(hdrPath, Header(pair: true));
        var img = hdrPath[..^4] + (gzipImage ? ".img.gz" : ".img");
        File.WriteAllBytes(img, gzipImage ? Gzip(Voxels) : Voxels);
        return hdrPath;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(bytes);
        return ms.ToArray();
    }

    /// <summary>Encodes values as the given NIfTI datatype code in the builder's byte order.</summary>
    public byte[] Encode(short datatype, double[] values)
    {
        var size = datatype switch { 2 or 256 => 1, 4 or 512 => 2, 8 or 16 or 768 => 4, 128 => 3, _ => 8 };
        var bytes = new byte[values.Length * size];
        for (var i = 0; i < values.Length; i++)
        {
            var at = bytes.AsSpan(i * size, size);
            var v = values[i];
            switch (datatype)
            {
                case 2: at[0] = (byte)v; break;
                case 256: at[0] = (byte)(sbyte)v; break;
                case 4: BinaryPrimitives.WriteInt16LittleEndian(at, (short)v); break;
                case 512: BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)v); break;
                case 8: BinaryPrimitives.WriteInt32LittleEndian(at, (int)v); break;
                case 768: BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)v); break;
                case 1024: BinaryPrimitives.WriteInt64LittleEndian(at, (long)v); break;
                case 1280: BinaryPrimitives.WriteUInt64LittleEndian(at, (ulong)v); break;
                case 16: BinaryPrimitives.WriteSingleLittleEndian(at, (float)v); break;
                case 64: BinaryPrimitives.WriteDoubleLittleEndian(at, v); break;
                case 128: at[0] = (byte)v; at[1] = (byte)v; at[2] = (byte)v; break;
            }
            if (BigEndian && datatype != 128) at.Reverse();
        }
        return bytes;
    }

    private void I16(byte[] b, int at, short v) { if (BigEndian) BinaryPrimitives.WriteInt16BigEndian(b.AsSpan(at), v); else BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(at), v); }
    private void I32(byte[] b, int at, int v) { if (BigEndian) BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(at), v); else BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(at), v); }
    private void I64(byte[] b, int at, long v) { if (BigEndian) BinaryPrimitives.WriteInt64BigEndian(b.AsSpan(at), v); else BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(at), v); }
    private void F32(byte[] b, int at, double v) { if (BigEndian) BinaryPrimitives.WriteSingleBigEndian(b.AsSpan(at), (float)v); else BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(at), (float)v); }
    private void F64(byte[] b, int at, double v) { if (BigEndian) BinaryPrimitives.WriteDoubleBigEndian(b.AsSpan(at), v); else BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(at), v); }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mritransfer-tests-" + Guid.NewGuid().ToString("N"));
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
}
