using MriTransfer.Imaging.Nifti;

namespace MriTransfer.Imaging;

/// <summary>
/// Visits every 3-D volume of a 4-D (or higher) file in file order. NIfTI and Analyze files are read in one pass over
/// the voxel stream (a .nii.gz is decompressed once, not once per volume); other formats are read volume by volume.
/// </summary>
internal static class VolumeSeriesReader
{
    public static void ForEach(string path, long volumes, VolumeReadOptions options, Action<int, float[]> visit)
    {
        NiftiHeader? header = AnalyzeReader.IsAnalyze(path) ? AnalyzeReader.ReadHeader(path).Voxels
            : NiftiReader.Handles(path) ? NiftiReader.ReadHeader(path) : null;
        if (header is null)
        {
            for (var t = 0; t < volumes; t++) visit(t, VolumeIO.ReadFile(path, options with { VolumeIndex = t }).Volume.Data);
            return;
        }
        var (headerPath, imagePath) = NiftiReader.PairOf(path);
        var dataPath = imagePath ?? headerPath;
        var shape = header.SpatialShape;
        long voxels = (long)shape[0] * shape[1] * shape[2];
        var bytesPerVolume = voxels * NiftiDataTypes.BytesPerVoxel(header.DataType);
        using var stream = NiftiReader.OpenExisting(dataPath, out var compressed);
        for (var t = 0; t < volumes; t++)
        {
            var data = new float[voxels];
            // each volume follows the previous one in the stream: only the first skips to vox_offset
            NiftiReader.ReadVoxels(dataPath, stream, t == 0 ? header.VoxOffset : 0, 0, bytesPerVolume, header, data, compressed);
            visit(t, data);
        }
    }
}
