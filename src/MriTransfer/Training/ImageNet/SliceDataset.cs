using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Models.ImageNet;
using static TorchSharp.torch;

namespace MriTransfer.Training.ImageNet;

/// <summary>
/// Slices of a set of subjects, stacked: <see cref="Inputs"/> is [N, ...] (images, or features once
/// extracted), <see cref="SubjectOfSlice"/> maps each row to its subject, <see cref="SubjectLabels"/> holds
/// class indices. Owns its tensor.
/// </summary>
public sealed class SliceDataset(Tensor inputs, int[] subjectOfSlice, int[] subjectLabels, IReadOnlyList<string> subjectIds) : IDisposable
{
    public Tensor Inputs { get; } = inputs;
    public int[] SubjectOfSlice { get; } = subjectOfSlice;
    public int[] SubjectLabels { get; } = subjectLabels;
    public IReadOnlyList<string> SubjectIds { get; } = subjectIds;
    public int SliceCount => SubjectOfSlice.Length;
    public int SubjectCount => SubjectLabels.Length;

    /// <summary>Reads every subject's volume and samples its images (RGB in [0, 1]).</summary>
    public static SliceDataset Load(PreprocessedCohort cohort, IReadOnlyList<PreprocessedSubject> subjects, SliceSampling sampling)
    {
        var problems = subjects.Where(s => cohort.ClassIndex(s.Label) < 0)
            .Select(s => $"{Path.Combine(cohort.Root, "index.csv")}: subject {s.SubjectId} has label '{s.Label}', not one of the classes [{string.Join(", ", cohort.Classes)}] in summary.json")
            .ToList();
        if (problems.Count > 0) throw new ImageNetSettingsException(problems);
        var images = new List<Tensor>();
        var owner = new List<int>();
        for (var i = 0; i < subjects.Count; i++)
        {
            var image = SliceImages.FromVolume(VolumeIO.Read(cohort.PathOf(subjects[i])), cohort.Mode, sampling);
            images.Add(image);
            owner.AddRange(Enumerable.Repeat(i, (int)image.shape[0]));
        }
        var inputs = images.Count > 0 ? cat(images, 0) : zeros(0, 3, sampling.ImageSize, sampling.ImageSize);
        foreach (var image in images) image.Dispose();
        return new SliceDataset(inputs, owner.ToArray(), subjects.Select(s => cohort.ClassIndex(s.Label)).ToArray(),
            subjects.Select(s => s.SubjectId).ToList());
    }

    /// <summary>The same slices with <see cref="Inputs"/> replaced by <paramref name="map"/> of each batch (no gradients).</summary>
    public SliceDataset Map(Func<Tensor, Tensor> map, int batchSize)
    {
        using var noGrad = no_grad();
        var parts = new List<Tensor>();
        for (long start = 0; start < SliceCount; start += batchSize)
        {
            using var scope = NewDisposeScope();
            parts.Add(map(Inputs.narrow(0, start, Math.Min(batchSize, SliceCount - start))).MoveToOuterDisposeScope());
        }
        var mapped = parts.Count > 0 ? cat(parts, 0) : zeros(0, ResNet18Backbone.FeatureCount);
        foreach (var part in parts) part.Dispose();
        return new SliceDataset(mapped, SubjectOfSlice, SubjectLabels, SubjectIds);
    }

    public void Dispose() => Inputs.Dispose();
}
