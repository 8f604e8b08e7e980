using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Models;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// Training samples held in memory: one per subject in 3-D, one per slice in 2-D. Each sample knows its subject
/// (for subject-level evaluation: in 2-D a subject's probabilities are the mean over its slices) and its class.
/// </summary>
public sealed class SampleSet
{
    private SampleSet(IReadOnlyList<float[]> samples, IReadOnlyList<int> subjectOf, IReadOnlyList<PreprocessedSubject> subjects,
        IReadOnlyList<int> subjectLabels, long[] sampleShape)
    {
        Samples = samples;
        SubjectOf = subjectOf;
        Subjects = subjects;
        SubjectLabels = subjectLabels;
        SampleShape = sampleShape;
    }

    public IReadOnlyList<float[]> Samples { get; }
    public IReadOnlyList<int> SubjectOf { get; }
    public IReadOnlyList<PreprocessedSubject> Subjects { get; }
    /// <summary>Class index per subject (-1 when the cohort is unlabelled for this purpose).</summary>
    public IReadOnlyList<int> SubjectLabels { get; }
    public long[] SampleShape { get; }
    public int Count => Samples.Count;

    public int LabelOf(int sample) => SubjectLabels[SubjectOf[sample]];

    /// <summary>
    /// Reads the subjects' volumes (and only theirs), checking each has the cohort's shape and that it fits the encoder.
    /// </summary>
    public static SampleSet Load(PreprocessedCohort cohort, IReadOnlyList<PreprocessedSubject> subjects, EncoderArchitecture architecture, bool labelled)
    {
        var samples = new List<float[]>();
        var subjectOf = new List<int>();
        var labels = new List<int>();
        long[]? sampleShape = null;
        for (var s = 0; s < subjects.Count; s++)
        {
            var path = cohort.PathOf(subjects[s]);
            var volume = VolumeIO.Read(path);
            if (!volume.Shape.SequenceEqual(cohort.Shape))
                throw new TrainingInputException($"{path}: shape {string.Join("×", volume.Shape)} differs from the cohort's {string.Join("×", cohort.Shape)} (summary.json)");
            architecture.ValidateInputShape(VolumeTensors.SpatialShape(volume.Shape, architecture.SpatialDims), path);
            sampleShape ??= VolumeTensors.SampleShape(volume.Shape, architecture.SpatialDims);
            foreach (var sample in VolumeTensors.Samples(volume, architecture.SpatialDims))
            {
                samples.Add(sample);
                subjectOf.Add(s);
            }
            var label = labelled ? cohort.ClassIndex(subjects[s].Label) : -1;
            if (labelled && label < 0)
                throw new TrainingInputException($"{Path.Combine(cohort.Root, "index.csv")}: subject {subjects[s].SubjectId} has label '{subjects[s].Label}', not one of the classes in summary.json ({string.Join(", ", cohort.Classes)})");
            labels.Add(label);
        }
        if (sampleShape is null) throw new TrainingInputException($"{cohort.Root}: no subjects to load");
        return new SampleSet(samples, subjectOf, subjects, labels, sampleShape);
    }

    /// <summary>A (B, 1, …) tensor of the given samples.</summary>
    public Tensor Batch(IReadOnlyList<int> indices) => VolumeTensors.Batch(indices.Select(i => Samples[i]).ToList(), SampleShape);

    public Tensor Labels(IReadOnlyList<int> indices) => tensor(indices.Select(i => (long)LabelOf(i)).ToArray());

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
}
