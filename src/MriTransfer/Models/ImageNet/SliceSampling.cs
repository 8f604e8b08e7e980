namespace MriTransfer.Models.ImageNet;

/// <summary>
/// <c>imagenet.image_size</c>, <c>.slices</c>, <c>.slice_spacing</c>: how a subject becomes 2-D images for the ResNet:
/// <see cref="Slices"/> axial slices around the volume's centre, <see cref="SliceSpacing"/> slices apart, each with its
/// two neighbours as the R and B channels, resized to <see cref="ImageSize"/>² pixels. 2-D cohorts use all of their
/// stored slices (grey in all three channels). The classes differ by where the lesion sits (a pituitary mass is low,
/// near the sella), so the default samples span the whole head: <see cref="Coverage"/> says which slices are in view.
/// </summary>
public sealed record SliceSampling(int ImageSize, int Slices, int SliceSpacing)
{
    /// <summary>Axial slice indices for a volume of <paramref name="depth"/> slices, centred, clamped to the volume.</summary>
    public int[] CentreSliceIndices(int depth)
    {
        var centre = (depth - 1) / 2.0;
        return Enumerable.Range(0, Slices)
            .Select(i => (int)Math.Round(centre + (i - (Slices - 1) / 2.0) * SliceSpacing, MidpointRounding.AwayFromZero))
            .Select(z => Math.Clamp(z, 0, depth - 1))
            .ToArray();
    }

    /// <summary>The axial slices some image shows (each sampled slice and its two neighbours), ascending.</summary>
    public int[] Coverage(int depth) =>
        CentreSliceIndices(depth).SelectMany(z => new[] { z - 1, z, z + 1 }).Where(z => z >= 0 && z < depth).Distinct().Order().ToArray();
}
