using System.IO.Compression;

namespace MriTransfer.Preprocessing;

/// <summary>
/// Refuses NIfTI-1 files with more than three used dimensions before the voxels are read
/// (a 4-D series such as fMRI or DWI is not a structural volume).
/// </summary>
public static class NiftiDimensionCheck
{
    public static void Require3D(string path)
    {
        if (!path.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase)) return;
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var header = new byte[56];
        try { stream.ReadExactly(header); }
        catch (EndOfStreamException) { throw new PreprocessingException("is shorter than a NIfTI header (56 bytes needed to read its dimensions)"); }
        if (BitConverter.ToInt32(header, 0) != 348) return; // not little-endian NIfTI-1: left to the reader
        var rank = BitConverter.ToInt16(header, 40);
        var extra = Enumerable.Range(4, Math.Clamp(rank - 3, 0, 4)).Select(d => (Dim: d, Size: BitConverter.ToInt16(header, 40 + 2 * d))).Where(d => d.Size > 1).ToList();
        if (extra.Count > 0)
            throw new PreprocessingException(
                $"NIfTI header says {rank} dimensions ({string.Join(", ", extra.Select(d => $"dim[{d.Dim}]={d.Size}"))}) but the pipeline needs 3-D volumes; set preprocess.volume_index to the volume to take, or extract one (e.g. fslroi or nibabel's image.slicer[..., 0]) before preprocessing");
    }
}
