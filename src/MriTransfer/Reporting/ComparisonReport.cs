using System.Text.Json;
using MriTransfer.Evaluation;
using static MriTransfer.Reporting.ReportBuilder;

namespace MriTransfer.Reporting;

/// <summary>One compared run, from the engine's runs file (<c>--compare ID1,ID2</c>): what it changed, its params and
/// the run-cache folder of its Evaluate outputs (null when the run did not evaluate, or Gc removed them).</summary>
public sealed record ComparedRun(string Id, string When, IReadOnlyDictionary<string, string> Params, IReadOnlyList<string> Changed, string? EvaluateDir);

/// <summary>
/// compare.html (and compare.md): recorded runs side by side — the params that differ, each variant's balanced accuracy
/// with its CI per run, and the difference of every later run against the first with a paired patient-level bootstrap
/// interval and a patient-level permutation test (<see cref="PairedComparison"/>: the same resampled patients for both runs), when both
/// scored the same test subjects.
/// </summary>
public static class ComparisonReport
{
    public static ReportDocument Run(string runsFile, string outputDir)
    {
        var runs = Read(runsFile);
        var doc = new ReportDocument($"Comparison of {string.Join(", ", runs.Select(r => r.Id))}");
        var keys = runs.SelectMany(r => r.Params.Keys).Distinct().Order(StringComparer.Ordinal)
            .Where(k => runs.Select(r => r.Params.GetValueOrDefault(k)).Distinct().Count() > 1).ToList();
        doc.Heading("Params that differ");
        if (keys.Count == 0) doc.Paragraph("The runs have the same params.");
        else doc.Table(["key", .. runs.Select(r => r.Id)], keys.Select(k => (IReadOnlyList<string>)[k, .. runs.Select(r => r.Params.GetValueOrDefault(k) ?? "(unset)")]));
        doc.Table(["run", "recorded", "changed against its baseline"], runs.Select(r => (IReadOnlyList<string>)[r.Id, r.When, string.Join(", ", r.Changed)]));

        var evaluated = runs.Where(r => r.EvaluateDir is { } d && File.Exists(Path.Combine(d, "metrics.json"))).ToList();
        foreach (var r in runs.Except(evaluated))
            doc.Paragraph($"{r.Id}: no Evaluate outputs in the run cache (the run did not evaluate, or Gc removed them); left out of the metrics.");
        if (evaluated.Count > 0) Metrics(doc, evaluated);
        Directory.CreateDirectory(outputDir);
        File.WriteAllText(Path.Combine(outputDir, "compare.html"), HtmlReport.Render(doc));
        File.WriteAllText(Path.Combine(outputDir, "compare.md"), MarkdownReport.Render(doc));
        return doc;
    }

    private static void Metrics(ReportDocument doc, IReadOnlyList<ComparedRun> runs)
    {
        var summaries = runs.Select(r => EvaluationSummary.Read(Path.Combine(r.EvaluateDir!, "metrics.json"))).ToList();
        var variants = summaries.SelectMany(s => s.Variants.Select(v => v.Name)).Distinct().ToList();
        var level = $"{summaries[0].CiLevel * 100:0.#} % CI";
        doc.Heading("Balanced accuracy on the BT test subjects");
        doc.Table(["variant", .. runs.Select(r => r.Id)], variants.Select(v => (IReadOnlyList<string>)[v, .. summaries.Select(s =>
            s.Variants.FirstOrDefault(x => x.Name == v) is { } m ? $"{F(m.BalancedAccuracy)} ({Ci(m.BalancedAccuracyCi)})" : "n/a")]));

        var first = runs[0];
        var (resamples, permutations, seed) = Bootstrap(first.EvaluateDir!);
        doc.Heading($"Differences against {first.Id}, paired on patients");
        doc.Paragraph($"Δ = run − {first.Id}; the {level} resamples the test patients (all scans of a patient together) once for both runs ({resamples} resamples, seed {seed}); the p-value is a patient-level paired permutation test ({permutations} permutations), not adjusted for the number of rows.");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var later in runs.Skip(1))
            foreach (var v in variants)
            {
                var a = Predictions(first, v);
                var b = Predictions(later, v);
                if (a is null || b is null) { rows.Add([$"{later.Id} vs {first.Id}", v, "n/a", "", "", "one run has no predictions"]); continue; }
                try
                {
                    var clusters = PatientClusters.Of(b.Value.Rows);
                    var c = PairedComparison.Compare(later.Id, b.Value.Rows, first.Id, a.Value.Rows, b.Value.Classes, clusters,
                        clusters.Resample(resamples, seed), summaries[0].CiLevel, permutations, seed);
                    rows.Add([$"{later.Id} vs {first.Id}", v, F(c.BalancedAccuracyDifference, "+0.000;−0.000;0.000"), Ci(c.BalancedAccuracyDifferenceCi),
                        F(c.Permutation.PValue, "0.0000"), ""]);
                }
                catch (InvalidDataException e) { rows.Add([$"{later.Id} vs {first.Id}", v, "n/a", "", "", "not paired: " + e.Message]); }
            }
        doc.Table(["comparison", "variant", "Δ balanced accuracy", level, "permutation p", "note"], rows);
    }

    private static (IReadOnlyList<string> Classes, IReadOnlyList<SubjectPrediction> Rows)? Predictions(ComparedRun run, string variant)
    {
        var file = Path.Combine(run.EvaluateDir!, "predictions", variant + ".csv");
        return File.Exists(file) ? PredictionsCsv.Read(file) : null;
    }

    private static (int Resamples, int Permutations, int Seed) Bootstrap(string evaluateDir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(evaluateDir, "metrics.json")));
        var b = doc.RootElement.GetProperty("bootstrap");
        return (b.GetProperty("resamples").GetInt32(), doc.RootElement.GetProperty("paired_test").GetProperty("permutations").GetInt32(),
            b.GetProperty("seed").GetInt32());
    }

    public static IReadOnlyList<ComparedRun> Read(string runsFile)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(runsFile));
            return doc.RootElement.GetProperty("runs").EnumerateArray().Select(r => new ComparedRun(
                r.GetProperty("id").GetString()!, r.GetProperty("when").GetString()!,
                r.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal),
                r.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("key").GetString()} {c.GetProperty("old").GetString() ?? "(unset)"} → {c.GetProperty("new").GetString() ?? "(unset)"}").ToList(),
                r.GetProperty("stages").TryGetProperty("Evaluate", out var e) && e.GetProperty("outputs").ValueKind == JsonValueKind.String ? e.GetProperty("outputs").GetString() : null)).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ReportInputException($"{runsFile}: not a runs file the engine writes for --compare ({e.Message})");
        }
    }
}
