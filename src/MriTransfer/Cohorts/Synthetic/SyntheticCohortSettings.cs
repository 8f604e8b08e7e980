using Pipeline.Errors;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>
/// <c>synthesize.*</c>: the synthetic AD and BT cohorts (master seed, subject counts, voxel grid and spacing, lesion
/// difficulty — 0 = large, high-contrast tumours, 1 = small, faint ones —, Rician noise relative to white matter, bias
/// field strength, head pose, the share of BT patients scanned twice, .nii.gz or .nii). Values, ranges and meanings:
/// params.yaml and the schema in build/.
/// </summary>
public sealed record SyntheticCohortSettings(
    int Seed, int AdSubjects, int BtSubjects, int[] Shape, double SpacingMm, double Difficulty, double Noise,
    double BiasField, double MaxRotationDeg, double MaxShiftMm, double BtRepeatFraction, bool Compress)
{
    /// <summary>
    /// Optional head image used as every subject's anatomy instead of the procedural layers (see <see cref="HeadTemplate"/>).
    /// Not a params key: the stage takes it as <c>--input template=&lt;file&gt;</c> so its content is part of the fingerprint.
    /// </summary>
    public string? TemplatePath { get; init; }

    /// <summary>Worker threads for generation; 0 = all cores. Not a params key: it never changes the output.</summary>
    public int Threads { get; init; }

    /// <summary>Field of view in mm along each axis.</summary>
    public double[] FieldOfViewMm => Shape.Select(n => n * SpacingMm).ToArray();

    /// <summary>What the schema cannot check: a 3-D grid.</summary>
    public void Validate()
    {
        if (Shape.Length != 3) throw new InputException($"synthesize.shape must be 3 integers (the voxel grid), got [{string.Join(", ", Shape)}]");
    }
}
