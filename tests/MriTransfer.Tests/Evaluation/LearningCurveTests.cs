using MriTransfer.Evaluation;
using MriTransfer.Imaging;

namespace MriTransfer.Tests.Evaluation;

public class LearningCurveTests
{
    [Theory]
    [InlineData("finetune/fraction-0.25_seed-1", "finetune", 0.25, 1)]
    [InlineData("imagenet_head/fraction-1_seed-42", "imagenet_head", 1.0, 42)]
    [InlineData("scratch/fraction-0.1_seed-0", "scratch", 0.1, 0)]
    public void Given_a_cell_input_name_when_parsed_then_variant_fraction_and_seed_are_read(string text, string variant, double fraction, int seed) =>
        Assert.Equal(new LearningCurveCell(variant, fraction, seed), LearningCurveCell.Parse(text));

    [Theory]
    [InlineData("finetune/fraction-0.25")]
    [InlineData("finetune/fraction-1.5_seed-1")]
    [InlineData("finetune/fraction-0_seed-1")]
    [InlineData("fine tune/fraction-0.5_seed-1")]
    [InlineData("finetune/fraction-half_seed-1")]
    public void Given_a_malformed_cell_name_when_parsed_then_the_error_shows_the_expected_form(string text) =>
        Assert.Contains("cell:<variant>/fraction-<fraction in (0,1]>_seed-<integer seed>", Assert.Throws<EvaluationInputException>(() => LearningCurveCell.Parse(text)).Message);

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

    [Fact]
    public void Given_trained_cells_when_the_learning_curve_stage_runs_then_it_scores_them_on_bt_test_and_writes_csv_and_json()
    {
        using var data = new SyntheticEvaluation();
        var models = new Dictionary<string, Func<Volume, float[]>>
        {
            ["lc-a"] = SyntheticEvaluation.WrongEvery(3), ["lc-b"] = SyntheticEvaluation.WrongEvery(5), ["lc-c"] = SyntheticEvaluation.Constant,
        };
        var cellInputs = new Dictionary<string, string>
        {
            ["finetune/fraction-0.5_seed-1"] = Path.Combine(data.Root, "models", "lc-a"),
            ["finetune/fraction-0.5_seed-2"] = Path.Combine(data.Root, "models", "lc-b"),
            ["scratch/fraction-0.5_seed-1"] = Path.Combine(data.Root, "models", "lc-c"),
        };
        var output = data.NewOutputDir();

        var points = LearningCurveEvaluator.Run(data.Bt, cellInputs, data.Services(models), output, _ => { });
        var readBack = LearningCurve.ReadCsv(Path.Combine(output, "learning_curve.csv"));

        Assert.Equal(["finetune", "scratch"], points.Select(p => p.Variant));
        Assert.Equal(1.0 / 3, points[1].MeanBalancedAccuracy, 12); // a constant classifier: chance on 3 balanced classes
        Assert.Equal(points.Select(p => (p.Variant, p.Fraction, p.Seeds, Math.Round(p.MeanBalancedAccuracy, 4))),
            readBack.Select(p => (p.Variant, p.Fraction, p.Seeds, p.MeanBalancedAccuracy)));
        Assert.True(File.Exists(Path.Combine(output, "learning_curve.json")));
    }
}
