using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Cohorts.Synthetic;
using MriTransfer.Evaluation;
using MriTransfer.Preprocessing;
using MriTransfer.Reporting;

namespace MriTransfer.Tests;

/// <summary>
/// The settings these tests were written against, spelled out: the library has no defaults (params.yaml is the one
/// source of values), so each test takes one of these and says what it changes (<c>with { ... }</c>).
/// </summary>
public static class TestSettings
{
    public static SyntheticCohortSettings Synthesis { get; } = new(Seed: 20251126, AdSubjects: 120, BtSubjects: 40, Shape: [64, 64, 64],
        SpacingMm: 3.0, Difficulty: 0.5, Noise: 0.04, BiasField: 0.2, MaxRotationDeg: 6, MaxShiftMm: 4, BtRepeatFraction: 0.25, Compress: true);

    public static PreprocessSettings Preprocess { get; } = new(CohortMode.ThreeD, TargetShape: [64, 64, 64], TargetSpacing: [3, 3, 3],
        SliceShape: [128, 128], Slices: 16, ForegroundMethod.Fraction, ForegroundFraction: 0.1, CropMargin: 2, NormalizationMethod.ZScore,
        ClipPercentiles: [0.5, 99.5], Workers: 2, QcPerClass: 6, NearDuplicateDistance: 4, ModalitySuffix: "", VolumeIndex: null);

    public static SplitSettings BtSplit { get; } = new(CohortRole.Bt, ValFraction: 0.15, TestFraction: 0.15, KFolds: 0, Seed: 42, LabelFractions: [0.1, 0.25, 0.5, 1.0]);

    public static SplitSettings AdSplit { get; } = new(CohortRole.Ad, ValFraction: 0.15, TestFraction: 0, KFolds: 0, Seed: 42, LabelFractions: []);

    public static EvaluateSettings Evaluate { get; } = new(BootstrapResamples: 2000, Seed: 2024, CiLevel: 0.95,
        Variants: ["scratch", "head", "finetune", "imagenet_head", "imagenet_finetune"], Baseline: "scratch",
        ProbeL2: 0.01, ProbeIterations: 500, ProbeLr: 0.1, ReconstructionExamples: 3, Permutations: 5000);

    public static ReportSettings Report { get; } = new(PlotWidth: 900, PlotHeight: 550, HeadlineVariant: "finetune");
}
