namespace MriTransfer.Evaluation;

/// <summary>Linear probe on frozen-encoder features: fitted on BT train, scored on BT test.</summary>
public sealed record LinearProbeResult(int TrainSubjects, int TestSubjects, int FeatureDimension, double Accuracy,
    double BalancedAccuracy, ConfidenceInterval? BalancedAccuracyCi, double MacroF1, double FinalTrainingLoss);

/// <summary>Reconstruction error of the pretrained autoencoder on AD validation and BT test subjects.</summary>
public sealed record ReconstructionResult(ReconstructionSummary AdVal, ReconstructionSummary BtTest)
{
    public double BtToAdRatio => BtTest.MeanMse / AdVal.MeanMse;
}

/// <summary>Signals of how well the AD representation transfers; each is null with a note saying why when it could not be computed.</summary>
public sealed record TransferSignals(LinearProbeResult? LinearProbe, string? LinearProbeNote, ReconstructionResult? Reconstruction, string? ReconstructionNote);

/// <summary>Everything metrics.json holds.</summary>
public sealed record EvaluationResult(
    IReadOnlyList<string> Classes,
    IReadOnlyDictionary<string, int> TestClassCounts,
    int TestSubjects,
    int TestPatients,
    int PatientsWithRepeats,
    int BootstrapResamples,
    int Permutations,
    int Seed,
    double CiLevel,
    string Baseline,
    IReadOnlyList<VariantMetrics> Variants,
    IReadOnlyList<string> MissingVariants,
    IReadOnlyList<PairedComparisonResult> Comparisons,
    string? ComparisonsNote,
    TransferSignals Transfer);
