using System.Text.Json.Nodes;
using MriTransfer.Evaluation;
using MriTransfer.Imaging;
using MriTransfer.Models;

namespace MriTransfer.Tests.Evaluation;

public class LearningCurveTests
{
    private static readonly LearningCurveStatistics Statistics = new(BootstrapResamples: 200, Seed: 5, CiLevel: 0.95, Baseline: "scratch");

    [Fact]
    public void Given_cells_over_seeds_when_aggregated_then_each_variant_and_fraction_gets_mean_and_sample_sd()
    {
        var cells = new[] { ("head", 0.5, 1, 0.6), ("head", 0.5, 2, 0.8), ("head", 0.5, 3, 0.7), ("head", 1.0, 1, 0.9) }
            .Select(c => new LearningCurveCellResult(new LearningCurveCell(c.Item1, c.Item2, c.Item3), 10, c.Item4, c.Item4));

        var points = LearningCurve.Aggregate(cells);

        Assert.Equal(2, points.Count);
        Assert.Equal(("head", 0.5, 3), (points[0].Variant, points[0].Fraction, points[0].Seeds));
        Assert.Equal(0.7, points[0].MeanBalancedAccuracy, 12);
        Assert.Equal(0.1, points[0].SdBalancedAccuracy!.Value, 12); // sqrt((0.01 + 0.01 + 0) / 2)
        Assert.Null(points[1].SdBalancedAccuracy); // one seed: no sd
    }

    /// <summary>A fake trained-classifier folder whose training.json records its cell.</summary>
    private static string Cell(SyntheticEvaluation data, string model, string stage, double fraction, int seed)
    {
        var dir = Directory.CreateDirectory(Path.Combine(data.Root, "models", model)).FullName;
        ModelFiles.WriteJson(Path.Combine(dir, TrainingRecord.FileName), new TrainingRecord(stage, seed, fraction).ToJson(new JsonObject()));
        return dir;
    }

    [Fact]
    public void Given_trained_cells_when_the_learning_curve_stage_runs_then_it_scores_them_on_bt_test_and_writes_csv_and_json()
    {
        using var data = new SyntheticEvaluation();
        var models = new Dictionary<string, Func<Volume, float[]>>
        {
            ["lc-a"] = SyntheticEvaluation.WrongEvery(3), ["lc-b"] = SyntheticEvaluation.WrongEvery(5), ["lc-c"] = SyntheticEvaluation.Constant,
        };
        var cells = new Dictionary<string, IReadOnlyList<string>>
        {
            ["finetune"] = [Cell(data, "lc-a", "FineTune", 0.5, 1), Cell(data, "lc-b", "FineTune", 0.5, 2)],
            ["scratch"] = [Cell(data, "lc-c", "TrainScratch", 0.5, 1)],
        };
        var output = data.NewOutputDir();

        var points = LearningCurveEvaluator.Run(data.Bt, cells, Statistics, data.Services(models), output, _ => { });
        var readBack = LearningCurve.ReadCsv(Path.Combine(output, "learning_curve.csv"));

        Assert.Equal(["finetune", "scratch"], points.Select(p => p.Variant));
        Assert.Equal((0.5, 2), (points[0].Fraction, points[0].Seeds));
        Assert.Equal(1.0 / 3, points[1].MeanBalancedAccuracy, 12); // a constant classifier: chance on 3 balanced classes
        Assert.Equal(points.Select(p => (p.Variant, p.Fraction, p.Seeds, Math.Round(p.MeanBalancedAccuracy, 4))),
            readBack.Select(p => (p.Variant, p.Fraction, p.Seeds, p.MeanBalancedAccuracy)));
        Assert.True(File.Exists(Path.Combine(output, "learning_curve.json")));
    }

    [Theory]
    [InlineData("TrainHead", 0.25, "learning-curve variant 'head' has 2 cells of label_fraction 0.25, seed 1 in their training.json")]
    [InlineData("TrainScratch", 0.5, "learning-curve variant 'head' mixes cells of stages TrainHead, TrainScratch")]
    public void Given_cells_of_one_variant_that_are_not_one_stage_s_distinct_cells_when_scored_then_they_are_refused_naming_them(
        string secondStage, double secondFraction, string expected)
    {
        using var data = new SyntheticEvaluation();
        var second = Cell(data, "second", secondStage, secondFraction, 1);
        var cells = new Dictionary<string, IReadOnlyList<string>> { ["head"] = [Cell(data, "first", "TrainHead", 0.25, 1), second] };

        var error = Assert.Throws<EvaluationInputException>(() => LearningCurveEvaluator.Run(data.Bt, cells, Statistics,
            data.Services(new Dictionary<string, Func<Volume, float[]>>()), data.NewOutputDir(), _ => { }));

        Assert.Contains(expected, error.Message);
        Assert.Contains(second, error.Message);
    }
}
