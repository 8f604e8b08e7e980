using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace MriTransfer.Imaging.Nifti;

/// <summary>How to write a NIfTI file.</summary>
public sealed record NiftiWriteOptions
{
    public static readonly NiftiWriteOptions Default = new();
    /// <summary>1 (NIfTI-1, default) or 2 (NIfTI-2).</summary>
    public int Version { get; init; } = 1;
    /// <summary>Written into the header's descrip field (at most 79 ASCII characters).</summary>
    public string Description { get; init; } = "MriTransfer";
}

/// <summary>
/// Writes float32 NIfTI-1/2: .nii, .nii.gz (gzip chosen by the extension), or a .hdr/.img pair (.img.gz allowed).
/// Both sform and qform are set from the volume's affine (code 2, "aligned"); the qform is derived as nibabel does.
/// Files are written atomically (temporary file, then move).
/// </summary>
public static class NiftiWriter
{
    public static void Write(Volume volume, string path, NiftiWriteOptions? options = null)
    {
        options ??= NiftiWriteOptions.Default;
        if (options.Version is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(options), $"NIfTI version must be 1 or 2, got {options.Version}");
        var pair = ImageFiles.HasExtension(path, ".hdr", ".img", ".img.gz", ".hdr.gz");
        if (!pair && !ImageFiles.HasExtension(path, ".nii", ".nii.gz"))
            throw new ArgumentException($"{path}: a NIfTI file name must end in .nii, .nii.gz, .hdr, .img or .img.gz", nameof(path));

        var headerSize = options.Version == 1 ? NiftiLayout.Nifti1HeaderSize : NiftiLayout.Nifti2HeaderSize;
        var voxOffset = pair ? 0 : headerSize + 4; // 4 bytes of "no extensions" flag
        var header = BuildHeader(volume, options, voxOffset, pair);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the writer assumes a little-endian machine");

        if (!pair)
        {
            ImageFiles.WriteAtomically(path, s =>
            {
                s.Write(header);
                s.Write(new byte[4]);
                s.Write(MemoryMarshal.AsBytes(volume.Data.AsSpan()));
            });
            return;
        }
        var stem = path[..^(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? 7 : 4)];
        var imagePath = ImageFiles.HasExtension(path, ".img.gz") ? path : stem + ".img";
        ImageFiles.WriteAtomically(stem + ".hdr", s => s.Write(header));
        ImageFiles.WriteAtomically(imagePath, s => s.Write(MemoryMarshal.AsBytes(volume.Data.AsSpan())));
    }

    private static byte[] BuildHeader(Volume volume, NiftiWriteOptions options, long voxOffset, bool pair)
    {
        var (b, c, d, qfac, zooms, offset) = NiftiAffine.ToQform(volume.Affine);
        long[] dim = [3, volume.Nx, volume.Ny, volume.Nz, 1, 1, 1, 1];
        double[] pixdim = [qfac, zooms[0], zooms[1], zooms[2], 1, 1, 1, 1];
        var description = Encoding.ASCII.GetBytes(new string(options.Description.Take(79).Select(ch => ch < 128 ? ch : '?').ToArray()));
        if (options.Version == 1)
        {
            var h = new byte[NiftiLayout.Nifti1HeaderSize];
            BinaryPrimitives.WriteInt32LittleEndian(h, NiftiLayout.Nifti1HeaderSize);
            for (var i = 0; i < 8; i++) BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(NiftiLayout.V1.Dim + 2 * i), checked((short)dim[i]));
            BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(NiftiLayout.V1.DataType), (short)NiftiDataType.Float32);
            BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(NiftiLayout.V1.BitPix), 32);
            for (var i = 0; i < 8; i++) BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(NiftiLayout.V1.PixDim + 4 * i), (float)pixdim[i]);
            BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(NiftiLayout.V1.VoxOffset), voxOffset);
            BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(NiftiLayout.V1.SclSlope), 1f);
            h[NiftiLayout.V1.XyztUnits] = 10; // mm, s
            description.CopyTo(h, NiftiLayout.V1.Descrip);
            BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(NiftiLayout.V1.QformCode), 2);
            BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(NiftiLayout.V1.SformCode), 2);
            double[] q = [b, c, d, offset[0], offset[1], offset[2]];
            for (var i = 0; i < 6; i++) BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(NiftiLayout.V1.QuaternB + 4 * i), (float)q[i]);
            for (var i = 0; i < 12; i++) BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(NiftiLayout.V1.SRowX + 4 * i), (float)volume.Affine[i / 4, i % 4]);
            Encoding.ASCII.GetBytes(pair ? "ni1\0" : "n+1\0").CopyTo(h, NiftiLayout.V1.Magic);
            return h;
        }
        var h2 = new byte[NiftiLayout.Nifti2HeaderSize];
        BinaryPrimitives.WriteInt32LittleEndian(h2, NiftiLayout.Nifti2HeaderSize);
        (pair ? "ni2\0\r\n\u001a\n"u8 : "n+2\0\r\n\u001a\n"u8).CopyTo(h2.AsSpan(NiftiLayout.V2.Magic));
        BinaryPrimitives.WriteInt16LittleEndian(h2.AsSpan(NiftiLayout.V2.DataType), (short)NiftiDataType.Float32);
        BinaryPrimitives.WriteInt16LittleEndian(h2.AsSpan(NiftiLayout.V2.BitPix), 32);
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteInt64LittleEndian(h2.AsSpan(NiftiLayout.V2.Dim + 8 * i), dim[i]);
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteDoubleLittleEndian(h2.AsSpan(NiftiLayout.V2.PixDim + 8 * i), pixdim[i]);
        BinaryPrimitives.WriteInt64LittleEndian(h2.AsSpan(NiftiLayout.V2.VoxOffset), voxOffset);
        BinaryPrimitives.WriteDoubleLittleEndian(h2.AsSpan(NiftiLayout.V2.SclSlope), 1);
        description.CopyTo(h2, NiftiLayout.V2.Descrip);
        BinaryPrimitives.WriteInt32LittleEndian(h2.AsSpan(NiftiLayout.V2.QformCode), 2);
        BinaryPrimitives.WriteInt32LittleEndian(h2.AsSpan(NiftiLayout.V2.SformCode), 2);
        double[] q2 = [b, c, d, offset[0], offset[1], offset[2]];
        for (var i = 0; i < 6; i++) BinaryPrimitives.WriteDoubleLittleEndian(h2.AsSpan(NiftiLayout.V2.QuaternB + 8 * i), q2[i]);
        for (var i = 0; i < 12; i++) BinaryPrimitives.WriteDoubleLittleEndian(h2.AsSpan(NiftiLayout.V2.SRowX + 8 * i), volume.Affine[i / 4, i % 4]);
        BinaryPrimitives.WriteInt32LittleEndian(h2.AsSpan(NiftiLayout.V2.XyztUnits), 10);
        return h2;
    }
}
