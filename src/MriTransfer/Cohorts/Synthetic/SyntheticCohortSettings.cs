using System.Runtime.Serialization;
using Pipeline.Errors;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>The AD cohort's look (<c>synthesize.ad_contrast</c>), the domain-shift knob.</summary>
public enum AdContrast
{
    /// <summary>T1-weighted gradient echo (the default): the AD → BT domain gap is open.</summary>
    [EnumMember(Value = "t1")] T1,
    /// <summary>The BT cohort's contrast-enhanced T1 look: the contrast part of the gap is closed.</summary>
    [EnumMember(Value = "t1ce")] T1ce,
}

/// <summary>
/// <c>synthesize.*</c>: the synthetic AD and BT cohorts (master seed, subject counts, voxel grid and spacing, lesion
/// difficulty — 0 = large, high-contrast tumours, 1 = small, faint ones —, Rician noise relative to white matter, bias
/// field strength, head pose, the share of BT patients scanned twice, .nii.gz or .nii, the AD cohort's contrast, and the
/// seed of the BT test patients). Values, ranges and meanings: params.yaml and the schema in build/.
/// </summary>
/// <param name="TestSeed">
/// When set, the BT test patients are drawn from this seed (a stream no tuning on train/val ever saw) and marked
/// <c>test</c> in the manifest's split column; their share of the BT scans is <see cref="BtTestFraction"/>. Null: every
/// BT patient comes from <see cref="Seed"/> and Preprocess splits them at random.
/// </param>
public sealed record SyntheticCohortSettings(
    int Seed, int AdSubjects, int BtSubjects, int[] Shape, double SpacingMm, double Difficulty, double Noise,
    double BiasField, double MaxRotationDeg, double MaxShiftMm, double BtRepeatFraction, bool Compress,
    AdContrast AdContrast = AdContrast.T1, int? TestSeed = null)
{
    /// <summary>
    /// Share of the BT scans held out for test: <c>preprocess_bt.test_fraction</c> (one truth; the stage reads that key),
    /// used when <see cref="TestSeed"/> is set.
    /// </summary>
    public double BtTestFraction { get; init; } = 0.3;

    /// <summary>
    /// Optional head image used as every subject's anatomy instead of the procedural layers (see <see cref="HeadTemplate"/>).
    /// Not a params key: the stage takes it as <c>--input template=&lt;file&gt;</c> so its content is part of the fingerprint.
    /// </summary>
    public string? TemplatePath { get; init; }

    /// <summary>Worker threads for generation; 0 = all cores. Not a params key: it never changes the output.</summary>
    public int Threads { get; init; }

    /// <summary>Field of view in mm along each axis.</summary>
    public double[] FieldOfViewMm => Shape.Select(n => n * SpacingMm).ToArray();

    /// <summary>BT scans drawn from <see cref="TestSeed"/> (0 when it is unset): round(bt_subjects × test_fraction).</summary>
    public int BtTestScans => TestSeed is null ? 0 : (int)Math.Round(BtSubjects * BtTestFraction, MidpointRounding.AwayFromZero);

    /// <summary>What the schema cannot check, every problem at once: a 3-D grid; with a test seed, a test part and a train/val part that hold every class.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Shape.Length != 3) problems.Add($"synthesize.shape must be 3 integers (the voxel grid), got [{string.Join(", ", Shape)}]");
        if (TestSeed is { } testSeed)
        {
            var classes = BtCohortPlan.Classes.Length;
            if (testSeed == Seed)
                problems.Add($"synthesize.test_seed must differ from synthesize.seed (both {Seed}): the BT test patients must come from a seed no tuning saw");
            if (BtTestScans < classes)
                problems.Add($"synthesize.bt_subjects × preprocess_bt.test_fraction = {BtSubjects} × {BtTestFraction} gives {BtTestScans} test scans; " +
                             $"synthesize.test_seed needs at least {classes} (one per class): raise either");
            if (BtSubjects - BtTestScans < 2 * classes)
                problems.Add($"synthesize.bt_subjects × (1 − preprocess_bt.test_fraction) = {BtSubjects - BtTestScans} train/val scans; " +
                             $"synthesize.test_seed needs at least {2 * classes} (a train and a val patient per class): raise bt_subjects or lower test_fraction");
        }
        if (problems.Count > 0) throw new InputException(problems);
    }
}
