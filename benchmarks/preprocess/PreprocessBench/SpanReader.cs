using System.IO.Compression;
using System.Runtime.InteropServices;

/// <summary>
/// Benchmark-only sketch (not product code; the I/O issue owns VolumeIO): how fast an int16/uint8/float32 NIfTI-1
/// read can be when the voxels are converted as whole spans rather than one BitConverter call per voxel.
/// </summary>
internal static class SpanReader
{
    public static float[] Read(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var header = new byte[352];
        gz.ReadExactly(header);
        int nx = BitConverter.ToInt16(header, 42), ny = BitConverter.ToInt16(header, 44), nz = BitConverter.ToInt16(header, 46);
        var datatype = BitConverter.ToInt16(header, 70);
        gz.ReadExactly(new byte[(int)BitConverter.ToSingle(header, 108) - 352]);
        var n = nx * ny * nz;
        var size = datatype switch { 2 => 1, 4 => 2, _ => 4 };
        var raw = new byte[n * size];
        gz.ReadExactly(raw);
        var data = new float[n];
        switch (datatype)
        {
            case 2: for (var i = 0; i < n; i++) data[i] = raw[i]; break;
            case 4:
                var shorts = MemoryMarshal.Cast<byte, short>(raw);
                for (var i = 0; i < n; i++) data[i] = shorts[i];
                break;
            default: MemoryMarshal.Cast<byte, float>(raw).CopyTo(data); break;
        }
        return data;
    }
}
