using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>The snapshot comparison itself: exact where the spread was zero, within the measured tolerance elsewhere.</summary>
public class ToleranceSnapshotTests
{
    private static JsonNode Metrics(double balancedAccuracy, double auc, double mse, string kind = "encoder-classifier") => new JsonObject
    {
        ["variants"] = new JsonObject
        {
            ["head"] = new JsonObject
            {
                ["kind"] = kind, ["balanced_accuracy"] = balancedAccuracy, ["macro_roc_auc"] = auc, ["macro_roc_auc_ci"] = new JsonArray(0.1, 0.5),
            },
        },
        ["transfer"] = new JsonObject { ["reconstruction"] = new JsonObject { ["bt_test"] = new JsonObject { ["mse_mean"] = mse } } },
    };

    [Fact]
    public void Identical_metrics_match() =>
        Assert.Empty(ToleranceSnapshot.Compare(Metrics(0.5, 0.7, 3.9), Metrics(0.5, 0.7, 3.9)));

    [Fact]
    public void Scores_that_move_within_their_measured_tolerance_match() =>
        Assert.Empty(ToleranceSnapshot.Compare(Metrics(0.5, 0.7, 3.9), Metrics(0.5, 0.72, 3.91)));

    [Fact]
    public void A_score_that_moves_beyond_its_tolerance_is_reported_with_both_values() =>
        Assert.Contains("variants.head.macro_roc_auc: snapshot 0.7, now 0.75",
            Assert.Single(ToleranceSnapshot.Compare(Metrics(0.5, 0.7, 3.9), Metrics(0.5, 0.75, 3.9))));

    [Fact]
    public void A_balanced_accuracy_whose_measured_spread_was_zero_must_match_exactly() =>
        Assert.Contains("variants.head.balanced_accuracy",
            Assert.Single(ToleranceSnapshot.Compare(Metrics(0.5, 0.7, 3.9), Metrics(0.5001, 0.7, 3.9))));

    [Fact]
    public void A_changed_text_or_a_missing_key_is_reported()
    {
        var fewer = Metrics(0.5, 0.7, 3.9);
        fewer["transfer"]!.AsObject().Remove("reconstruction");

        var problems = ToleranceSnapshot.Compare(Metrics(0.5, 0.7, 3.9), fewer)
            .Concat(ToleranceSnapshot.Compare(Metrics(0.5, 0.7, 3.9), Metrics(0.5, 0.7, 3.9, kind: "resnet18-slices"))).ToList();

        Assert.Contains(problems, p => p.Contains("transfer.reconstruction.bt_test.mse_mean: in the snapshot, missing now"));
        Assert.Contains(problems, p => p.Contains("variants.head.kind: snapshot \"encoder-classifier\", now \"resnet18-slices\""));
    }
}
