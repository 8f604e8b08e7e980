using System.Text.Json;
using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

public sealed class ComparisonReportTests
{
    /// <summary>A runs file as the engine writes it for --compare: two runs that differ in one key.</summary>
    private static string RunsFile(string dir, string? evaluateA, string? evaluateB)
    {
        object Run(string id, string lr, string? evaluate) => new
        {
            id, when = "2026-12-01T14:00:00Z", baseline = "HEAD:params.yaml",
            changes = new[] { new { key = "train.lr", old = "0.001", @new = lr } },
            @params = new Dictionary<string, string> { ["train.lr"] = lr, ["train.seed"] = "1" },
            stages = new Dictionary<string, object> { ["Evaluate"] = new { result = "ran", seconds = 1.0, fingerprint = "f", outputs = evaluate } },
        };
        var path = Path.Combine(dir, "runs.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { schema = 1, runs = new[] { Run("e1", "0.01", evaluateA), Run("e2", "0.02", evaluateB) } }));
        return path;
    }

    [Fact]
    public void Given_two_runs_then_the_page_shows_only_the_differing_key_and_paired_deltas_per_variant()
    {
        using var data = new SyntheticReportInputs();
        var output = data.NewOutputDir();

        var doc = ComparisonReport.Run(RunsFile(output, data.Inputs.EvaluateDir, data.Inputs.EvaluateDir), Path.Combine(output, "out"));

        var tables = doc.Blocks.OfType<TableBlock>().ToList();
        Assert.Equal(["train.lr", "0.01", "0.02"], Assert.Single(tables[0].Rows));
        var deltas = tables[^1];
        Assert.NotEmpty(deltas.Rows);
        Assert.All(deltas.Rows, r => Assert.Equal(("e2 vs e1", "0.000", "0.000 to 0.000"), (r[0], r[2], r[3])));
        Assert.True(File.Exists(Path.Combine(output, "out", "compare.html")));
    }

    [Fact]
    public void Given_a_run_without_evaluate_outputs_then_it_is_named_and_left_out_of_the_metrics()
    {
        using var data = new SyntheticReportInputs();
        var output = data.NewOutputDir();

        var doc = ComparisonReport.Run(RunsFile(output, data.Inputs.EvaluateDir, null), Path.Combine(output, "out"));

        Assert.Contains(doc.Blocks.OfType<ParagraphBlock>(), p => p.Text.StartsWith("e2: no Evaluate outputs in the run cache", StringComparison.Ordinal));
    }
}
