using MriTransfer.Evaluation;

namespace MriTransfer.Tests.Evaluation;

public class SubjectScoresTests
{
    [Fact]
    public void A_subject_s_probabilities_are_the_mean_of_its_samples()
    {
        float[][] samples = [[0.2f, 0.8f], [0.6f, 0.4f], [1f, 0f]];

        var subjects = SubjectScores.MeanBySubject(samples, [0, 0, 1], 2);

        Assert.Equal([0.4f, 0.6f], subjects[0]);
        Assert.Equal([1f, 0f], subjects[1]);
    }

    [Fact]
    public void The_score_is_the_mean_floored_log_loss_and_the_balanced_accuracy_of_the_first_largest_class()
    {
        // subject 0: right (0.9); subject 1: a tie, so class 0 is predicted, wrong; subject 2: right but with p = 0 floored
        float[][] subjects = [[0.9f, 0.1f], [0.5f, 0.5f], [1f, 0f]];

        var score = SubjectScores.Score(subjects, [0, 1, 0], classes: 2, probabilityFloor: 1e-7);

        Assert.Equal(-(Math.Log(0.9f) + Math.Log(0.5f) + Math.Log(1f)) / 3, score.Loss, 12);
        Assert.Equal(ClassificationMetrics.BalancedAccuracy([0, 1, 0], [0, 0, 0], 2), score.BalancedAccuracy);
        Assert.Equal(0.5, score.BalancedAccuracy);
    }

    [Fact]
    public void A_true_class_of_probability_zero_costs_minus_log_of_the_floor()
    {
        var score = SubjectScores.Score([[1f, 0f]], [1], classes: 2, probabilityFloor: 1e-12);

        Assert.Equal(-Math.Log(1e-12), score.Loss, 9);
    }
}
