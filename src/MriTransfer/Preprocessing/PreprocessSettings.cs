using MriTransfer.Cohorts.Preprocessed;

namespace MriTransfer.Preprocessing;

/// <summary>
/// How every subject of a cohort is preprocessed (see docs in benchmarks/preprocess.md and the stage's params).
/// Build with the constructor, then call <see cref="Validate"/> (done by <see cref="CohortPreprocessor"/>).
/// </summary>
public sealed record PreprocessSettings
{
    public CohortMode Mode { get; init; } = CohortMode.ThreeD;
    /// <summary>3-D mode: output shape in voxels (x, y, z).</summary>
    public int[] TargetShape { get; init; } = [64, 64, 64];
    /// <summary>Voxel spacing (mm) volumes are resampled to before cropping (both modes; ignored for 2-D images).</summary>
    public double[] TargetSpacing { get; init; } = [3, 3, 3];
    /// <summary>2-D mode: pixel shape of each slice (axis 0 = H, axis 1 = W of the stacked (H, W, K) file).</summary>
    public int[] SliceShape { get; init; } = [128, 128];
    /// <summary>2-D mode: number K of axial slices taken around the foreground's centre of each 3-D volume (2-D images give one).</summary>
    public int Slices { get; init; } = 16;
    public ForegroundMethod Foreground { get; init; } = ForegroundMethod.Fraction;
    /// <summary>Foreground threshold as a fraction of the robust intensity range (Fraction method).</summary>
    public double ForegroundFraction { get; init; } = 0.1;
    /// <summary>Voxels kept around the foreground bounding box.</summary>
    public int CropMargin { get; init; } = 2;
    public NormalizationMethod Normalization { get; init; } = NormalizationMethod.ZScore;
    public double ClipLowPercent { get; init; } = 0.5;
    public double ClipHighPercent { get; init; } = 99.5;
    /// <summary>Subjects processed at once (memory is bounded by this, not by the cohort size); results do not depend on it.</summary>
    public int Workers { get; init; } = 2;
    /// <summary>Subjects per class shown in qc.png.</summary>
    public int QcSubjectsPerClass { get; init; } = 6;
    /// <summary>Hamming distance of central-slice perceptual hashes under which two images count as near-duplicates
    /// (kept in one split); 0 turns the search off.</summary>
    public int NearDuplicateDistance { get; init; } = 4;

    /// <summary>Every problem with these settings, each naming the setting and the allowed range (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (TargetShape.Length != 3 || TargetShape.Any(n => n is < 4 or > 1024))
            problems.Add($"target_shape must be 3 integers in [4, 1024], got [{string.Join(", ", TargetShape)}]");
        if (TargetSpacing.Length != 3 || TargetSpacing.Any(s => !(s is >= 0.05 and <= 50)))
            problems.Add($"target_spacing must be 3 numbers in [0.05, 50] mm, got [{string.Join(", ", TargetSpacing)}]");
        if (SliceShape.Length != 2 || SliceShape.Any(n => n is < 4 or > 4096))
            problems.Add($"slice_shape must be 2 integers in [4, 4096], got [{string.Join(", ", SliceShape)}]");
        if (Slices is < 1 or > 512) problems.Add($"slices must be in [1, 512], got {Slices}");
        if (!(ForegroundFraction is > 0 and < 1)) problems.Add($"foreground_fraction must be in (0, 1), got {ForegroundFraction}");
        if (CropMargin is < 0 or > 256) problems.Add($"crop_margin must be in [0, 256] voxels, got {CropMargin}");
        if (!(ClipLowPercent >= 0 && ClipLowPercent < ClipHighPercent && ClipHighPercent <= 100))
            problems.Add($"clip_percentiles must be [low, high] with 0 <= low < high <= 100, got [{ClipLowPercent}, {ClipHighPercent}]");
        if (Workers is < 1 or > 256) problems.Add($"workers must be in [1, 256], got {Workers}");
        if (QcSubjectsPerClass is < 1 or > 64) problems.Add($"qc_per_class must be in [1, 64], got {QcSubjectsPerClass}");
        if (NearDuplicateDistance is < 0 or > 32) problems.Add($"near_duplicate_distance must be in [0, 32] (0 = off), got {NearDuplicateDistance}");
        return problems;
    }

    /// <summary>Shape of every output file: TargetShape in 3-D mode, (H, W, K) in 2-D mode.</summary>
    public int[] OutputShape(bool twoDimensionalInputs) =>
        Mode == CohortMode.ThreeD ? TargetShape : [SliceShape[0], SliceShape[1], twoDimensionalInputs ? 1 : Slices];
}
