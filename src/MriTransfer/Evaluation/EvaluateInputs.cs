using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Models;

namespace MriTransfer.Evaluation;

/// <summary>
/// What the Evaluate stage was given: the BT cohort (test split scored, train split for the probe), a trained
/// classifier folder per variant name, and the optional transfer inputs (null when not given).
/// </summary>
public sealed record EvaluateInputs(
    PreprocessedCohort Bt,
    IReadOnlyDictionary<string, string> VariantDirs,
    string? EncoderDir = null,
    string? PretrainDir = null,
    PreprocessedCohort? Ad = null);

/// <summary>
/// The model-side operations Evaluate needs, as delegates so the library is testable without trained models:
/// the stage wires the real loaders (<see cref="SubjectClassifiers.Load"/>, Models.EncoderFeatures, Models.AutoencoderReconstruction).
/// </summary>
public sealed record EvaluateServices(
    Func<string, ISubjectClassifier> LoadClassifier,
    Func<string, IReadOnlyList<Volume>, float[][]> ExtractFeatures,
    Func<string, Volume, Volume> Reconstruct,
    Func<string, Volume> ReadVolume)
{
    public static EvaluateServices Real() => new(
        SubjectClassifiers.Load,
        Models.EncoderFeatures.Extract,
        Models.AutoencoderReconstruction.Reconstruct,
        VolumeIO.Read);
}
