using System.Text.Json;
using MriTransfer.Evaluation;
using MriTransfer.Imaging;
using Snapshooter.Xunit;

namespace MriTransfer.Tests.Evaluation;

public class EvaluatorTests
{
    private static readonly EvaluateSettings Settings = TestSettings.Evaluate with { BootstrapResamples = 200, Seed = 5, ProbeIterations = 100 };

    private static readonly Dictionary<string, Func<Volume, float[]>> ThreeVariants = new()
    {
        ["scratch"] = SyntheticEvaluation.WrongEvery(3),
        ["head"] = SyntheticEvaluation.Constant,
        ["finetune"] = SyntheticEvaluation.WrongEvery(7),
    };

    private static (EvaluationResult Result, string Output) Run(SyntheticEvaluation data, IReadOnlyDictionary<string, Func<Volume, float[]>> variants, bool transfer = true)
    {
        var output = data.NewOutputDir();
        var result = Evaluator.Run(Settings, data.Inputs(variants.Keys, transfer), data.Services(variants), output, _ => { });
        return (result, output);
    }

    [Fact]
    public void Given_three_of_five_expected_variants_when_evaluated_then_the_two_others_are_listed_as_missing()
    {
        using var data = new SyntheticEvaluation();

        var (result, output) = Run(data, ThreeVariants);

        Assert.Equal(["imagenet_head", "imagenet_finetune"], result.MissingVariants);
        Assert.Equal(["scratch", "head", "finetune"], result.Variants.Select(v => v.Name));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")));
        Assert.Equal(2, json.RootElement.GetProperty("missing_variants").GetArrayLength());
    }

    [Fact]
    public void Given_a_predictions_file_when_metrics_are_recomputed_from_it_then_they_equal_metrics_json()
    {
        using var data = new SyntheticEvaluation();
        var (result, output) = Run(data, ThreeVariants);

        var (classes, rows) = PredictionsCsv.Read(Path.Combine(output, "predictions", "finetune.csv"));
        var recomputed = VariantEvaluator.Evaluate("finetune", "fake", classes, rows, Bootstrap.ResampleIndices(rows.Count, 200, 5), 0.95);
        var stored = result.Variants.Single(v => v.Name == "finetune");

        Assert.Equal(SyntheticEvaluation.Classes, classes);
        Assert.Equal(stored.BalancedAccuracy, recomputed.BalancedAccuracy);
        Assert.Equal(stored.RocAuc.Macro.Value, recomputed.RocAuc.Macro.Value);
        Assert.Equal(stored.BalancedAccuracyCi, recomputed.BalancedAccuracyCi);
    }

    [Fact]
    public void Given_each_variant_when_compared_with_scratch_then_the_difference_equals_the_difference_of_balanced_accuracies()
    {
        using var data = new SyntheticEvaluation();

        var (result, _) = Run(data, ThreeVariants);
        var finetune = result.Comparisons.Single(c => c.Variant == "finetune");
        var byName = result.Variants.ToDictionary(v => v.Name);

        Assert.Equal(["head", "finetune"], result.Comparisons.Select(c => c.Variant));
        Assert.Equal(byName["finetune"].BalancedAccuracy - byName["scratch"].BalancedAccuracy, finetune.BalancedAccuracyDifference, 12);
        Assert.True(finetune.BalancedAccuracyDifferenceCi!.Contains(finetune.BalancedAccuracyDifference));
    }

    [Fact]
    public void Given_a_test_split_without_one_class_when_evaluated_then_that_class_auc_is_null_with_a_reason_and_nothing_is_nan()
    {
        using var data = new SyntheticEvaluation(testClasses: ["glioma", "meningioma"]);

        var (_, output) = Run(data, ThreeVariants);
        var text = File.ReadAllText(Path.Combine(output, "metrics.json"));
        using var json = JsonDocument.Parse(text);
        var noTumor = json.RootElement.GetProperty("variants").GetProperty("scratch").GetProperty("per_class").GetProperty("no_tumor");

        Assert.Equal(JsonValueKind.Null, noTumor.GetProperty("roc_auc").ValueKind);
        Assert.Contains("absent", noTumor.GetProperty("roc_auc_note").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("test_class_counts").GetProperty("no_tumor").GetInt32());
        Assert.DoesNotContain("NaN", text);
    }

    [Fact]
    public void Given_no_scratch_variant_when_evaluated_then_comparisons_are_empty_and_a_note_says_why()
    {
        using var data = new SyntheticEvaluation();

        var (result, _) = Run(data, new Dictionary<string, Func<Volume, float[]>> { ["head"] = SyntheticEvaluation.Constant });

        Assert.Empty(result.Comparisons);
        Assert.Contains("'scratch' was not given", result.ComparisonsNote);
        Assert.Contains("scratch", result.MissingVariants);
    }

    [Fact]
    public void Given_no_encoder_or_pretrain_inputs_when_evaluated_then_the_transfer_signals_are_null_with_notes()
    {
        using var data = new SyntheticEvaluation();

        var (result, _) = Run(data, ThreeVariants, transfer: false);

        Assert.Null(result.Transfer.LinearProbe);
        Assert.Contains("encoder", result.Transfer.LinearProbeNote);
        Assert.Null(result.Transfer.Reconstruction);
        Assert.Contains("pretrain", result.Transfer.ReconstructionNote);
    }

    [Fact]
    public void Given_transfer_inputs_when_evaluated_then_probe_and_reconstruction_error_are_reported_and_examples_saved()
    {
        using var data = new SyntheticEvaluation();

        var (result, output) = Run(data, ThreeVariants);
        var examples = ReconstructionExamples.Read(Path.Combine(output, "reconstructions"));

        Assert.Equal(1.0, result.Transfer.LinearProbe!.BalancedAccuracy); // the fake features carry the label
        Assert.Equal(4, result.Transfer.Reconstruction!.AdVal.Subjects);
        Assert.Equal(12, result.Transfer.Reconstruction.BtTest.Subjects);
        Assert.Equal(6, examples.Count); // 3 AD + 3 BT
        Assert.All(examples, e => Assert.Equal(e.Mse, ReconstructionError.MeanSquaredError(VolumeIO.Read(e.InputPath), VolumeIO.Read(e.OutputPath)), 5));
    }

    [Fact]
    public void Given_a_model_with_different_classes_when_evaluated_then_a_clear_input_error_names_the_variant()
    {
        using var data = new SyntheticEvaluation();
        var services = data.Services(ThreeVariants) with { LoadClassifier = _ => new OtherClasses() };

        var e = Assert.Throws<EvaluationInputException>(() =>
            Evaluator.Run(Settings, data.Inputs(["scratch"], transfer: false), services, data.NewOutputDir(), _ => { }));

        Assert.Contains("variant scratch", e.Message);
        Assert.Contains("differ from the BT cohort's classes", e.Message);
    }

    [Fact]
    public void Given_a_fixed_synthetic_evaluation_when_metrics_json_is_written_then_its_keys_and_values_match_the_snapshot()
    {
        using var data = new SyntheticEvaluation();

        var (_, output) = Run(data, ThreeVariants);

        // one entry per line, so a change of key order or value shows as a readable diff
        Snapshot.Match(File.ReadAllLines(Path.Combine(output, "metrics.json")));
    }

    [Fact]
    public void Given_the_same_inputs_and_seed_when_evaluated_twice_then_metrics_json_is_byte_identical()
    {
        using var data = new SyntheticEvaluation();

        var (_, first) = Run(data, ThreeVariants);
        var (_, second) = Run(data, ThreeVariants);

        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "metrics.json")), File.ReadAllBytes(Path.Combine(second, "metrics.json")));
    }

    [Fact]
    public void Given_a_model_listing_classes_in_another_order_when_it_predicts_then_probabilities_are_mapped_to_the_cohort_order()
    {
        var order = VariantPredictor.ClassOrder("head", ["no_tumor", "glioma", "meningioma"], SyntheticEvaluation.Classes);

        Assert.Equal([1, 2, 0], order);
    }

    private sealed class OtherClasses : MriTransfer.Models.ISubjectClassifier
    {
        public string Kind => "fake";
        public IReadOnlyList<string> Classes => ["x", "y", "z"];
        public float[] PredictProbabilities(Volume subject) => [1, 0, 0];
        public void Dispose() { }
    }
}
