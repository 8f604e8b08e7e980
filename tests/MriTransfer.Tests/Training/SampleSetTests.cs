using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Models;
using MriTransfer.Training;

namespace MriTransfer.Tests.Training;

[Collection(TorchCollection.Name)]
public class SampleSetTests
{
    [Theory]
    [InlineData(CohortMode.ThreeD, 3, null)]
    [InlineData(CohortMode.TwoD, 2, null)]
    [InlineData(CohortMode.ThreeD, 3, 0.0)] // memory-mapped: the same rows
    public void Given_a_loaded_split_when_batched_by_index_then_each_row_is_that_sample_of_its_volume(CohortMode mode, int dims, double? memoryFraction)
    {
        using var cohort = new TinyCohort(["a", "b"], trainPerClass: 2, valPerClass: 1, mode: mode, shape: [8, 8, 4]);
        var preprocessed = PreprocessedCohort.Load(cohort.Root);
        var subjects = preprocessed.Split("train");
        using var set = SampleSet.Load(preprocessed, subjects, EncoderArchitecture.Create(dims, [4]), labelled: true, memoryFraction);
        Assert.Equal(memoryFraction == 0.0, set.IsMapped);
        var expected = subjects.SelectMany(s => VolumeTensors.Samples(VolumeIO.Read(preprocessed.PathOf(s)), dims)).ToList();

        int[] order = [set.Count - 1, 0, 1];
        using var batch = set.Batch(order);
        using var labels = set.Labels(order);

        Assert.Equal(expected.Count, set.Count);
        Assert.Equal([3, .. set.SampleShape], batch.shape);
        for (var i = 0; i < order.Length; i++)
        {
            Assert.Equal(expected[order[i]], batch[i].flatten().data<float>().ToArray());
            Assert.Equal(set.LabelOf(order[i]), labels[i].item<long>());
        }
    }

    [Fact]
    public void Given_small_samples_when_evaluated_then_the_ranges_cover_every_sample_once_in_batches_of_at_least_the_training_batch()
    {
        using var cohort = new TinyCohort(["a", "b"], trainPerClass: 5, valPerClass: 1, shape: [8, 8, 8]);
        var preprocessed = PreprocessedCohort.Load(cohort.Root);
        using var set = SampleSet.Load(preprocessed, preprocessed.Split("train"), EncoderArchitecture.Create(3, [4]), labelled: false);

        var ranges = set.EvaluationRanges(minimum: 4);

        Assert.Equal([(0, 10)], ranges);
    }

    [Fact]
    public void Given_samples_above_the_memory_fraction_when_loaded_then_they_are_memory_mapped_from_a_temp_file_that_leaves_nothing_behind()
    {
        using var cohort = new TinyCohort(["a", "b"], trainPerClass: 2, valPerClass: 1, shape: [8, 8, 8]);
        var preprocessed = PreprocessedCohort.Load(cohort.Root);
        string[] Leftovers() => Directory.GetFiles(Path.GetTempPath(), $"mritransfer-samples-{Environment.ProcessId}-*");
        var before = Leftovers();

        using (var mapped = SampleSet.Load(preprocessed, preprocessed.Split("train"), EncoderArchitecture.Create(3, [4]), labelled: false, memoryFraction: 0.0))
        using (var inRam = SampleSet.Load(preprocessed, preprocessed.Split("train"), EncoderArchitecture.Create(3, [4]), labelled: false, memoryFraction: 1.0))
        {
            // Then the mapped set says where it is and why, holds the same values, and the in-RAM set (4 KB ≤ all memory) is not mapped
            Assert.StartsWith("memory-mapped from ", mapped.StorageDescription);
            Assert.Contains("runtime.sample_memory_fraction 0", mapped.StorageDescription);
            Assert.StartsWith("in memory", inRam.StorageDescription);
            Assert.Equal(inRam.Data.data<float>().ToArray(), mapped.Data.data<float>().ToArray());
        }
        Assert.Equal(before, Leftovers());
    }
}
