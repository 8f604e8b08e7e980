using MriTransfer.Evaluation;

namespace MriTransfer.Tests.Evaluation;

public class ClassificationMetricsTests
{
    private static readonly string[] Classes = ["a", "b", "c"];

    [Fact]
    public void Given_a_hand_worked_three_class_case_when_scored_then_every_metric_matches_the_hand_computation()
    {
        // Given truth a a a b b c and predictions a a b b c c
        int[] truth = [0, 0, 0, 1, 1, 2], predicted = [0, 0, 1, 1, 2, 2];

        // When scored
        var confusion = ClassificationMetrics.ConfusionMatrix(truth, predicted, 3);
        var perClass = ClassificationMetrics.PerClass(truth, predicted, Classes);

        // Then: confusion rows are true classes, accuracy 4/6, balanced accuracy (2/3 + 1/2 + 1)/3 = 13/18,
        // precision 1, 1/2, 1/2; F1 4/5, 1/2, 2/3; macro-F1 59/90
        Assert.Equal(new[,] { { 2, 1, 0 }, { 0, 1, 1 }, { 0, 0, 1 } }, confusion);
        Assert.Equal(4.0 / 6, ClassificationMetrics.Accuracy(truth, predicted), 12);
        Assert.Equal(13.0 / 18, ClassificationMetrics.BalancedAccuracy(truth, predicted, 3), 12);
        Assert.Equal(new double?[] { 1.0, 0.5, 0.5 }, perClass.Select(s => s.Precision));
        Assert.Equal(new double?[] { 2.0 / 3, 0.5, 1.0 }, perClass.Select(s => s.Recall));
        Assert.Equal(0.8, perClass[0].F1!.Value, 12);
        Assert.Equal(0.5, perClass[1].F1!.Value, 12);
        Assert.Equal(2.0 / 3, perClass[2].F1!.Value, 12);
        Assert.Equal(59.0 / 90, ClassificationMetrics.MacroF1(truth, predicted, 3), 12);
    }

    [Fact]
    public void Given_a_class_that_is_never_predicted_when_scored_then_its_precision_is_undefined_and_its_recall_and_f1_are_zero()
    {
        // Given truth a a b b c c and predictions that never say c
        int[] truth = [0, 0, 1, 1, 2, 2], predicted = [0, 0, 1, 1, 1, 1];

        // When scored
        var c = ClassificationMetrics.PerClass(truth, predicted, Classes)[2];

        // Then precision of c is null (0/0), recall and F1 are 0, and balanced accuracy is (1 + 1 + 0)/3
        Assert.Equal(0, c.Predicted);
        Assert.Null(c.Precision);
        Assert.Equal(0.0, c.Recall);
        Assert.Equal(0.0, c.F1);
        Assert.Equal(2.0 / 3, ClassificationMetrics.BalancedAccuracy(truth, predicted, 3), 12);
        Assert.Equal((1.0 + 2.0 / 3 + 0) / 3, ClassificationMetrics.MacroF1(truth, predicted, 3), 12);
    }

    [Fact]
    public void Given_a_perfect_classifier_when_scored_then_every_rate_is_one()
    {
        int[] truth = [0, 1, 2, 2, 1, 0];

        Assert.Equal(1.0, ClassificationMetrics.Accuracy(truth, truth));
        Assert.Equal(1.0, ClassificationMetrics.BalancedAccuracy(truth, truth, 3));
        Assert.Equal(1.0, ClassificationMetrics.MacroF1(truth, truth, 3));
    }

    [Fact]
    public void Given_a_constant_classifier_on_imbalanced_data_when_scored_then_balanced_accuracy_is_chance_while_accuracy_is_the_majority_share()
    {
        // Given 3 of a, 1 of b, and a classifier that always says a
        int[] truth = [0, 0, 0, 1], predicted = [0, 0, 0, 0];

        // Then accuracy rewards the majority class but balanced accuracy does not
        Assert.Equal(0.75, ClassificationMetrics.Accuracy(truth, predicted));
        Assert.Equal(0.5, ClassificationMetrics.BalancedAccuracy(truth, predicted, 2));
        Assert.Equal((6.0 / 7 + 0) / 2, ClassificationMetrics.MacroF1(truth, predicted, 2), 12);
    }

    [Fact]
    public void Given_a_class_absent_from_the_truth_when_scored_then_balanced_accuracy_averages_only_the_present_classes()
    {
        // Given no subject of class c in the truth, and no prediction of c
        int[] truth = [0, 0, 1, 1], predicted = [0, 1, 1, 1];

        var perClass = ClassificationMetrics.PerClass(truth, predicted, Classes);

        // Then c's recall and F1 are undefined and balanced accuracy is (1/2 + 1)/2
        Assert.Null(perClass[2].Recall);
        Assert.Null(perClass[2].F1);
        Assert.Equal(0.75, ClassificationMetrics.BalancedAccuracy(truth, predicted, 3), 12);
    }
}
