using MriTransfer.Evaluation;

namespace MriTransfer.Tests.Evaluation;

public class LinearProbeTests
{
    private static readonly LinearProbeSettings Settings = new(L2: 0.01, Iterations: 300, LearningRate: 0.5);

    /// <summary>Three classes, 2-D features around (class·10, -class·10) with a constant third feature.</summary>
    private static (float[][] X, int[] Y) Blobs(int perClass, int offset = 0)
    {
        var x = new List<float[]>();
        var y = new List<int>();
        for (var c = 0; c < 3; c++)
            for (var i = 0; i < perClass; i++)
            {
                var jitter = ((i + offset) * 37 % 11 - 5) / 5f;
                x.Add([c * 10 + jitter, -c * 10 - jitter, 3f]);
                y.Add(c);
            }
        return (x.ToArray(), y.ToArray());
    }

    [Fact]
    public void Given_separable_classes_when_the_probe_is_fitted_then_it_classifies_held_out_points_perfectly()
    {
        var (trainX, trainY) = Blobs(10);
        var (testX, testY) = Blobs(5, offset: 3);

        var probe = LinearProbe.Fit(trainX, trainY, 3, Settings);
        var predicted = testX.Select(f => SubjectPrediction.ArgMax(probe.PredictProbabilities(f))).ToArray();

        Assert.Equal(testY, predicted);
    }

    [Fact]
    public void Given_more_iterations_when_the_probe_is_fitted_then_the_training_loss_is_lower()
    {
        var (x, y) = Blobs(10);

        var few = LinearProbe.Fit(x, y, 3, Settings with { Iterations = 5 });
        var many = LinearProbe.Fit(x, y, 3, Settings with { Iterations = 200 });

        Assert.True(many.FinalLoss < few.FinalLoss, $"{many.FinalLoss} should be below {few.FinalLoss}");
    }

    [Fact]
    public void Given_a_strong_l2_penalty_when_the_probe_is_fitted_then_its_probabilities_stay_close_to_uniform()
    {
        var (x, y) = Blobs(10);

        var probe = LinearProbe.Fit(x, y, 3, Settings with { L2 = 100 });

        Assert.All(probe.PredictProbabilities(x[0]), p => Assert.InRange(p, 0.25, 0.42));
    }

    [Fact]
    public void Given_the_same_data_when_fitted_twice_then_the_probabilities_are_identical()
    {
        var (x, y) = Blobs(6);
        Assert.Equal(LinearProbe.Fit(x, y, 3, Settings).PredictProbabilities(x[4]), LinearProbe.Fit(x, y, 3, Settings).PredictProbabilities(x[4]));
    }
}
