using MriTransfer.Imaging;

namespace MriTransfer.Models;

/// <summary>
/// A trained classifier loaded from a training stage's output folder (model.json + model.pt), whatever its
/// kind: Evaluate runs every variant through this one interface on the same test subjects.
/// </summary>
public interface ISubjectClassifier : IDisposable
{
    /// <summary>Variant kind from model.json, e.g. "encoder-classifier" or "resnet18-slices".</summary>
    string Kind { get; }

    IReadOnlyList<string> Classes { get; }

    /// <summary>Class probabilities (summing to 1) for one subject's preprocessed volume.</summary>
    float[] PredictProbabilities(Volume subject);
}
