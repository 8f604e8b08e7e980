using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using TorchSharp;
using static TorchSharp.torch;

namespace MriTransfer.Models.ImageNet;

/// <summary>
/// Turns one preprocessed subject into the ResNet's images: RGB in [0, 1], shape [S, 3, size, size].
/// Intensities are mapped per subject robustly: the 0.5th and 99.5th percentiles of all its voxels become 0
/// and 1, values outside are clipped. 3-D mode: 2.5-D images (slice z−1, z, z+1 as R, G, B) at the sampled
/// axial slices. 2-D mode: the volume (H, W, K) holds K slices; each is one image, grey in all channels.
/// Images are [ny, nx] planes resized bilinearly to a square (non-square slices are stretched).
/// </summary>
public static class SliceImages
{
    public const double LowPercentile = 0.5, HighPercentile = 99.5;

    public static Tensor FromVolume(Volume volume, CohortMode mode, SliceSampling sampling)
    {
        using var scope = NewDisposeScope();
        var (low, high) = RobustRange(volume.Data);
        var scale = high > low ? 1f / (high - low) : 0f;
        var voxels = tensor(volume.Data, [volume.Nz, volume.Ny, volume.Nx]).sub(low).mul(scale).clamp(0f, 1f);
        Tensor images = mode switch
        {
            CohortMode.ThreeD => ThreeAdjacentSlices(voxels, sampling.CentreSliceIndices(volume.Nz)),
            _ => voxels.unsqueeze(1).expand(-1, 3, -1, -1),
        };
        var resized = nn.functional.interpolate(images.contiguous(), size: [sampling.ImageSize, sampling.ImageSize],
            mode: InterpolationMode.Bilinear, align_corners: false);
        return resized.MoveToOuterDisposeScope();
    }

    private static Tensor ThreeAdjacentSlices(Tensor voxels, int[] centres)
    {
        var depth = (int)voxels.shape[0];
        var indices = centres.SelectMany(z => new long[] { Math.Max(z - 1, 0), z, Math.Min(z + 1, depth - 1) }).ToArray();
        var planes = voxels.index_select(0, tensor(indices));
        return planes.reshape(centres.Length, 3, voxels.shape[1], voxels.shape[2]);
    }

    /// <summary>The subject's 0.5th and 99.5th intensity percentiles (nearest rank on a sorted copy).</summary>
    public static (float Low, float High) RobustRange(float[] data)
    {
        var sorted = (float[])data.Clone();
        Array.Sort(sorted);
        float At(double percentile) => sorted[(int)Math.Round(percentile / 100.0 * (sorted.Length - 1))];
        return (At(LowPercentile), At(HighPercentile));
    }
}
