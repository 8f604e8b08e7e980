using System.IO.Compression;

namespace MriTransfer.Imaging;

/// <summary>
/// Entry point for reading and writing volumes by file name.
/// BOOTSTRAP VERSION: NIfTI-1 little-endian, float32/int16/uint8, sform or pixdim affine only.
/// The I/O issue replaces this with the full NIfTI-1/2, MetaImage, 2-D image and DICOM readers.
/// </summary>
public static class VolumeIO
{
    public static Volume Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var header = new byte[348];
        stream.ReadExactly(header);
        if (BitConverter.ToInt32(header, 0) != 348) throw new InvalidDataException($"{path}: not a little-endian NIfTI-1 file");
        int nx = BitConverter.ToInt16(header, 42), ny = BitConverter.ToInt16(header, 44), nz = BitConverter.ToInt16(header, 46);
        if (BitConverter.ToInt16(header, 40) < 3) nz = 1;
        short datatype = BitConverter.ToInt16(header, 70);
        double sx = BitConverter.ToSingle(header, 80), sy = BitConverter.ToSingle(header, 84), sz = BitConverter.ToSingle(header, 88);
        int voxOffset = (int)BitConverter.ToSingle(header, 108);
        float slope = BitConverter.ToSingle(header, 112), inter = BitConverter.ToSingle(header, 116);
        if (slope == 0 || float.IsNaN(slope)) { slope = 1; inter = 0; }
        short sformCode = BitConverter.ToInt16(header, 254);
        var affine = Volume.DiagonalAffine(sx, sy, sz);
        if (sformCode > 0)
            for (var r = 0; r < 3; r++)
                for (var c = 0; c < 4; c++)
                    affine[r, c] = BitConverter.ToSingle(header, 280 + 16 * r + 4 * c);
        stream.ReadExactly(new byte[voxOffset - 348]);
        long n = (long)nx * ny * nz;
        int bytesPer = datatype switch { 2 => 1, 4 => 2, 16 => 4, _ => throw new InvalidDataException($"{path}: datatype {datatype} not supported by the bootstrap reader") };
        var raw = new byte[n * bytesPer];
        stream.ReadExactly(raw);
        var data = new float[n];
        for (long i = 0; i < n; i++)
            data[i] = slope * datatype switch
            {
                2 => raw[i],
                4 => BitConverter.ToInt16(raw, (int)(2 * i)),
                _ => BitConverter.ToSingle(raw, (int)(4 * i)),
            } + inter;
        return new Volume(data, [nx, ny, nz], [sx, sy, sz], affine);
    }

    /// <summary>Writes float32 NIfTI-1 (.nii or .nii.gz by extension) with sform set from the affine.</summary>
    public static void WriteNifti(Volume volume, string path)
    {
        var header = new byte[352];
        BitConverter.GetBytes(348).CopyTo(header, 0);
        short[] dim = [3, (short)volume.Nx, (short)volume.Ny, (short)volume.Nz, 1, 1, 1, 1];
        for (var i = 0; i < 8; i++) BitConverter.GetBytes(dim[i]).CopyTo(header, 40 + 2 * i);
        BitConverter.GetBytes((short)16).CopyTo(header, 70);
        BitConverter.GetBytes((short)32).CopyTo(header, 72);
        float[] pixdim = [1, (float)volume.Spacing[0], (float)volume.Spacing[1], (float)volume.Spacing[2], 1, 1, 1, 1];
        for (var i = 0; i < 8; i++) BitConverter.GetBytes(pixdim[i]).CopyTo(header, 76 + 4 * i);
        BitConverter.GetBytes(352f).CopyTo(header, 108);
        BitConverter.GetBytes(1f).CopyTo(header, 112);
        header[123] = 10; // xyzt_units: mm, s
        BitConverter.GetBytes((short)2).CopyTo(header, 254);
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 4; c++)
                BitConverter.GetBytes((float)volume.Affine[r, c]).CopyTo(header, 280 + 16 * r + 4 * c);
        "n+1\0"u8.ToArray().CopyTo(header, 344);
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        using (Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest) : file)
        {
            stream.Write(header);
            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(volume.Data.AsSpan()));
        }
        File.Move(temp, path, overwrite: true);
    }
}
