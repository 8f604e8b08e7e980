using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Models;
using MriTransfer.Training;

namespace MriTransfer.Tests.Training;

[Collection(TorchCollection.Name)]
public class SampleSetTests
{
    [Theory]
    [InlineData(CohortMode.ThreeD, 3)]
    [InlineData(CohortMode.TwoD, 2)]
    public void Given_a_loaded_split_when_batched_by_index_then_each_row_is_that_sample_of_its_volume(CohortMode mode, int dims)
    {
        using var cohort = new TinyCohort(["a", "b"], trainPerClass: 2, valPerClass: 1, mode: mode, shape: [8, 8, 4]);
        var preprocessed = PreprocessedCohort.Load(cohort.Root);
        var subjects = preprocessed.Split("train");
        using var set = SampleSet.Load(preprocessed, subjects, EncoderArchitecture.Create(dims, [4]), labelled: true);
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
}
