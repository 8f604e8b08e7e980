namespace MriTransfer.Models.ImageNet;

/// <summary>
/// How a subject becomes 2-D images for the ResNet: <see cref="Slices"/> axial slices around the volume's centre,
/// <see cref="SliceSpacing"/> slices apart, each with its two neighbours as the R and B channels, resized to
/// <see cref="ImageSize"/>² pixels. 2-D cohorts use all of their stored slices (grey in all three channels).
/// </summary>
public sealed record SliceSampling
{
    public const int MaxImageSize = 512, MaxSlices = 64, MaxSliceSpacing = 16;

    public SliceSampling(int imageSize, int slices, int sliceSpacing)
    {
        var problems = new List<string>();
        if (imageSize < ResNet18Backbone.MinImageSize || imageSize > MaxImageSize)
            problems.Add($"imagenet.image_size is {imageSize}; ResNet-18 downsamples 32-fold, so it needs {ResNet18Backbone.MinImageSize}..{MaxImageSize} pixels");
        if (slices < 1 || slices > MaxSlices)
            problems.Add($"imagenet.slices is {slices}; expected 1..{MaxSlices} slices per subject");
        if (sliceSpacing < 1 || sliceSpacing > MaxSliceSpacing)
            problems.Add($"imagenet.slice_spacing is {sliceSpacing}; expected 1..{MaxSliceSpacing} slices between sampled slices");
        if (problems.Count > 0) throw new ImageNetSettingsException(problems);
        ImageSize = imageSize;
        Slices = slices;
        SliceSpacing = sliceSpacing;
    }

    public int ImageSize { get; }
    public int Slices { get; }
    public int SliceSpacing { get; }

    /// <summary>Axial slice indices for a volume of <paramref name="depth"/> slices, centred, clamped to the volume.</summary>
    public int[] CentreSliceIndices(int depth)
    {
        var centre = (depth - 1) / 2.0;
        return Enumerable.Range(0, Slices)
            .Select(i => (int)Math.Round(centre + (i - (Slices - 1) / 2.0) * SliceSpacing, MidpointRounding.AwayFromZero))
            .Select(z => Math.Clamp(z, 0, depth - 1))
            .ToArray();
    }
}
