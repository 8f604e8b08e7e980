using MriTransfer.Evaluation;

namespace MriTransfer.Tests.Evaluation;

public sealed class KnnProbeTests
{
    [Fact]
    public void Each_point_takes_the_majority_class_of_its_nearest_training_points()
    {
        // Given two well separated clusters of three points each
        float[][] train = [[0, 0], [0.1f, 0], [0, 0.1f], [5, 5], [5.1f, 5], [5, 5.1f]];
        int[] labels = [0, 0, 0, 1, 1, 1];

        var probe = KnnProbe.Fit(train, labels, classCount: 2, k: 3);

        Assert.Equal(0, probe.Predict([0.2f, 0.2f]));
        Assert.Equal(1, probe.Predict([4.8f, 4.9f]));
    }

    [Fact]
    public void A_tied_vote_goes_to_the_class_whose_neighbours_are_nearer()
    {
        float[][] train = [[0], [1], [3], [10]];
        int[] labels = [0, 1, 1, 0];

        var probe = KnnProbe.Fit(train, labels, classCount: 2, k: 2);

        // nearest two of 0.9: 1 (class 1) and 0 (class 0); class 1 is nearer
        Assert.Equal(1, probe.Predict([0.9f]));
    }

    [Fact]
    public void K_larger_than_the_training_set_uses_every_training_point()
    {
        var probe = KnnProbe.Fit([[0f], [1f]], [0, 1], classCount: 2, k: 9);

        Assert.Equal(2, probe.K);
    }
}
