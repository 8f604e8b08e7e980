using MriTransfer.Training;

namespace MriTransfer.Tests.Training;

public class ShuffledBatchesTests
{
    [Theory]
    [InlineData(9, 4, new[] { 4, 5 })]
    [InlineData(8, 4, new[] { 4, 4 })]
    [InlineData(7, 4, new[] { 4, 3 })]
    [InlineData(2, 4, new[] { 2 })]
    public void Given_a_sample_count_when_batching_then_every_sample_is_used_once_and_no_batch_holds_a_single_sample(int count, int batchSize, int[] sizes)
    {
        var batches = SampleSet.Shuffled(count, batchSize, new Random(1));

        Assert.Equal(sizes, batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, count), batches.SelectMany(b => b).Order());
    }
}
