using MriTransfer.Cohorts.Preprocessed;

namespace MriTransfer.Preprocessing;

/// <summary>
/// <c>preprocess.*</c> (the keys shared by both cohorts, besides the split's seed and folds): how every subject is
/// preprocessed. 3-D mode gives volumes of <see cref="TargetShape"/>; 2-D mode <see cref="Slices"/> axial slices of
/// <see cref="SliceShape"/> stacked as (H, W, K). <see cref="Workers"/> bounds memory and never changes the outputs;
/// <see cref="NearDuplicateDistance"/> 0 turns the near-duplicate search off. Values, ranges and meanings: params.yaml
/// and the schema in build/ (stages/Preprocess/README.md lists them); <see cref="Validate"/> checks what the schema
/// cannot (list lengths, the clipping order). <see cref="ModalitySuffix"/>: the one modality read from multi-modal case
/// folders (BraTS, e.g. "_t1ce"; "" = every image); <see cref="VolumeIndex"/>: the volume taken from 4-D files (null,
/// the key unset: such files are refused). The quality gate: <see cref="OnBadSubject"/> and <see cref="MaxExcludedFraction"/>
/// (unusable subjects excluded up to that share, else the stage fails naming them all), <see cref="Nonfinite"/> (NaN/Inf
/// voxels), <see cref="DuplicatesAcrossPredefined"/> (near-duplicates straddling a dataset's own train/test split).
/// </summary>
public sealed record PreprocessSettings(
    CohortMode Mode, int[] TargetShape, double[] TargetSpacing, int[] SliceShape, int Slices,
    ForegroundMethod Foreground, double ForegroundFraction, int CropMargin, NormalizationMethod Normalize,
    double[] ClipPercentiles, int Workers, int QcPerClass, int NearDuplicateDistance, string ModalitySuffix, int? VolumeIndex,
    BadSubjectPolicy OnBadSubject = BadSubjectPolicy.Exclude, double MaxExcludedFraction = 0.05,
    NonFinitePolicy Nonfinite = NonFinitePolicy.Fail, CrossSplitDuplicatePolicy DuplicatesAcrossPredefined = CrossSplitDuplicatePolicy.Fail)
{
    public double ClipLowPercent => ClipPercentiles[0];
    public double ClipHighPercent => ClipPercentiles[^1];

    /// <summary>Every problem the schema cannot catch, each naming its key (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (TargetShape.Length != 3) problems.Add($"preprocess.target_shape must be 3 integers, got [{string.Join(", ", TargetShape)}]");
        if (TargetSpacing.Length != 3) problems.Add($"preprocess.target_spacing must be 3 numbers, got [{string.Join(", ", TargetSpacing)}]");
        if (SliceShape.Length != 2) problems.Add($"preprocess.slice_shape must be 2 integers, got [{string.Join(", ", SliceShape)}]");
        if (ClipPercentiles.Length != 2 || ClipPercentiles[0] >= ClipPercentiles[1])
            problems.Add($"preprocess.clip_percentiles must be [low, high] with low < high, got [{string.Join(", ", ClipPercentiles)}]");
        if (ModalitySuffix.Length > 0 && !ModalitySuffix.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            problems.Add($"preprocess.modality_suffix must be letters, digits, '_', '-' or '.' (e.g. _t1ce), got '{ModalitySuffix}'");
        return problems;
    }

    /// <summary>Shape of every output file: TargetShape in 3-D mode, (H, W, K) in 2-D mode.</summary>
    public int[] OutputShape(bool twoDimensionalInputs) =>
        Mode == CohortMode.ThreeD ? TargetShape : [SliceShape[0], SliceShape[1], twoDimensionalInputs ? 1 : Slices];
}
