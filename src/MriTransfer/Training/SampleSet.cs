using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Models;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// Training samples held in memory as one contiguous (N, 1, …) float32 tensor, read once: one sample per subject in 3-D,
/// one per slice in 2-D. A batch is an <c>index_select</c> of its rows, so no voxel passes through managed code per
/// step. Each sample knows its subject (for subject-level evaluation: in 2-D a subject's probabilities are the mean
/// over its slices) and its class. Memory: N × voxels × 4 bytes (<see cref="Bytes"/>; the default AD train split, 960
/// subjects at 32³, is 126 MB; at 64³ it would be 1.0 GB), held in RAM, or memory-mapped from a temp file when it is
/// larger than <c>runtime.sample_memory_fraction</c> of the available memory (<see cref="SampleStorage"/>).
/// </summary>
public sealed class SampleSet : IDisposable
{
    /// <summary>Input voxels per evaluation batch (4 Mi voxels = 16 MB of input: 128 samples at 32³, 16 at 64³).</summary>
    public const long EvaluationVoxels = 1L << 22;

    private readonly SampleStorage _storage;

    private SampleSet(SampleStorage storage, Tensor labels, IReadOnlyList<int> subjectOf, IReadOnlyList<PreprocessedSubject> subjects,
        IReadOnlyList<int> subjectLabels, long[] sampleShape)
    {
        _storage = storage;
        Data = storage.Data;
        LabelTensor = labels;
        SubjectOf = subjectOf;
        Subjects = subjects;
        SubjectLabels = subjectLabels;
        SampleShape = sampleShape;
    }

    /// <summary>All samples, (N, 1, …), contiguous; owned by this set.</summary>
    public Tensor Data { get; }
    /// <summary>Class index per sample (int64, -1 when unlabelled); owned by this set.</summary>
    private Tensor LabelTensor { get; }
    public IReadOnlyList<int> SubjectOf { get; }
    public IReadOnlyList<PreprocessedSubject> Subjects { get; }
    /// <summary>Class index per subject (-1 when the cohort is unlabelled for this purpose).</summary>
    public IReadOnlyList<int> SubjectLabels { get; }
    public long[] SampleShape { get; }
    public int Count => SubjectOf.Count;
    public long Bytes => Data.numel() * sizeof(float);
    /// <summary>Where the samples are held (RAM or a memory-mapped file) and why, for the stage's log.</summary>
    public string StorageDescription => _storage.Description;
    public bool IsMapped => _storage.IsMapped;

    public int LabelOf(int sample) => SubjectLabels[SubjectOf[sample]];

    /// <summary>
    /// Reads the subjects' volumes (and only theirs) straight into one tensor, checking each has the cohort's shape and
    /// that it fits the encoder.
    /// </summary>
    /// <param name="memoryFraction"><c>runtime.sample_memory_fraction</c> (null: in RAM whatever the size).</param>
    public static SampleSet Load(PreprocessedCohort cohort, IReadOnlyList<PreprocessedSubject> subjects, EncoderArchitecture architecture, bool labelled,
        double? memoryFraction = null)
    {
        if (subjects.Count == 0) throw new TrainingInputException($"{cohort.Root}: no subjects to load");
        var dims = architecture.SpatialDims;
        var perVolume = VolumeTensors.SamplesPerVolume(cohort.Shape, dims);
        var sampleShape = VolumeTensors.SampleShape(cohort.Shape, dims);
        var count = (long)subjects.Count * perVolume;
        var storage = SampleStorage.Allocate([count, .. sampleShape], memoryFraction);
        var data = storage.Data;
        var subjectOf = new List<int>();
        var labels = new List<int>();
        try
        {
            var rows = data.data<float>();
            var volumeLength = cohort.Shape.Aggregate(1L, (a, n) => a * n);
            for (var s = 0; s < subjects.Count; s++)
            {
                var path = cohort.PathOf(subjects[s]);
                var volume = VolumeIO.Read(path);
                if (!volume.Shape.SequenceEqual(cohort.Shape))
                    throw new TrainingInputException($"{path}: shape {string.Join("×", volume.Shape)} differs from the cohort's {string.Join("×", cohort.Shape)} (summary.json)");
                architecture.ValidateInputShape(VolumeTensors.SpatialShape(volume.Shape, dims), path);
                rows.CopyFrom(volume.Data, 0, s * volumeLength);   // x-fastest volume = (K slices of) (z, y, x) rows
                for (var k = 0; k < perVolume; k++) subjectOf.Add(s);
                var label = labelled ? cohort.ClassIndex(subjects[s].Label) : -1;
                if (labelled && label < 0)
                    throw new TrainingInputException($"{Path.Combine(cohort.Root, "index.csv")}: subject {subjects[s].SubjectId} has label '{subjects[s].Label}', not one of the classes in summary.json ({string.Join(", ", cohort.Classes)})");
                labels.Add(label);
            }
        }
        catch
        {
            storage.Dispose();
            throw;
        }
        var sampleLabels = NativeTensors.Longs(subjectOf.Select(s => labels[s]).ToList()).DetachFromDisposeScope();
        return new SampleSet(storage, sampleLabels, subjectOf, subjects, labels, sampleShape);
    }

    /// <summary>A (B, 1, …) tensor of the given samples (a copy, in the current dispose scope).</summary>
    public Tensor Batch(IReadOnlyList<int> indices)
    {
        using var index = NativeTensors.Longs(indices);
        return Data.index_select(0, index);
    }

    /// <summary>The samples [start, start + length) in order: a view, no copy.</summary>
    public Tensor Range(int start, int length) => Data.narrow(0, start, length);

    public Tensor Labels(IReadOnlyList<int> indices)
    {
        using var index = NativeTensors.Longs(indices);
        return LabelTensor.index_select(0, index);
    }

    /// <summary>Sample indices shuffled by <paramref name="random"/>, cut into batches (see <see cref="Shuffled"/>).</summary>
    public IReadOnlyList<int[]> ShuffledBatches(int batchSize, Random random) => Shuffled(Count, batchSize, random);

    /// <summary>Training batches of sample indices in a random order; a trailing batch of one joins the batch before it,
    /// because batch norm cannot normalise a single pooled feature vector.</summary>
    internal static IReadOnlyList<int[]> Shuffled(int count, int batchSize, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        var batches = order.Chunk(batchSize).ToList();
        if (batches.Count > 1 && batches[^1].Length == 1)
        {
            batches[^2] = [.. batches[^2], .. batches[^1]];
            batches.RemoveAt(batches.Count - 1);
        }
        return batches;
    }

    public IReadOnlyList<int[]> OrderedBatches(int batchSize) => Enumerable.Range(0, Count).Chunk(batchSize).ToList();

    /// <summary>
    /// Consecutive (start, length) ranges for evaluation: as many samples as fit <see cref="EvaluationVoxels"/> input
    /// voxels, at least <paramref name="minimum"/> (the training batch). Depends on the sample shape only, never on
    /// the machine.
    /// </summary>
    public IReadOnlyList<(int Start, int Length)> EvaluationRanges(int minimum)
    {
        var voxels = SampleShape.Aggregate(1L, (a, n) => a * n);
        var size = (int)Math.Max(minimum, Math.Min(Count, EvaluationVoxels / voxels));
        size = Math.Max(size, 1);
        var ranges = new List<(int, int)>();
        for (var start = 0; start < Count; start += size) ranges.Add((start, Math.Min(size, Count - start)));
        return ranges;
    }

    public void Dispose()
    {
        _storage.Dispose();
        LabelTensor.Dispose();
    }
}
