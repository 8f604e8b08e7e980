using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Errors;

namespace MriTransfer.Evaluation;

/// <summary>One learning-curve cell: a variant trained on a label fraction with a seed, from the encoder of a pretraining
/// seed (null for an arm without a pretrained encoder).</summary>
public sealed record LearningCurveCell(string Variant, double Fraction, int Seed, int? PretrainSeed = null)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Variant} (fraction {Fraction}, seed {Seed}{(PretrainSeed is { } p ? $", pretrain seed {p}" : "")})");
}

/// <summary>Balanced accuracy of one cell on the BT test subjects.</summary>
public sealed record LearningCurveCellResult(LearningCurveCell Cell, int TestSubjects, double Accuracy, double BalancedAccuracy);

/// <summary>
/// Mean and sample sd (null for a single cell) of balanced accuracy over the cells of one (variant, fraction) — its
/// training seeds × pretraining seeds (0 pretraining seeds: an arm without a pretrained encoder) — and the hierarchical
/// bootstrap interval of that mean (seeds and test patients resampled; <see cref="LearningCurveBootstrap"/>).
/// </summary>
public sealed record LearningCurvePoint(string Variant, double Fraction, int Seeds, double MeanBalancedAccuracy, double? SdBalancedAccuracy,
    ConfidenceInterval? Ci = null, int PretrainSeeds = 0)
{
    /// <summary>The point of one (variant, fraction) from its cells' balanced accuracies on all test subjects.</summary>
    public static LearningCurvePoint Of(IReadOnlyList<(LearningCurveCell Cell, double BalancedAccuracy)> cells, ConfidenceInterval? ci = null)
    {
        var mean = cells.Average(c => c.BalancedAccuracy);
        double? sd = cells.Count > 1 ? Math.Sqrt(cells.Sum(c => (c.BalancedAccuracy - mean) * (c.BalancedAccuracy - mean)) / (cells.Count - 1)) : null;
        return new LearningCurvePoint(cells[0].Cell.Variant, cells[0].Cell.Fraction, cells.Select(c => c.Cell.Seed).Distinct().Count(), mean, sd, ci,
            cells.Select(c => c.Cell.PretrainSeed).OfType<int>().Distinct().Count());
    }
}

/// <summary>Aggregates learning-curve cells and reads/writes learning_curve.csv, learning_curve_differences.csv and learning_curve.json.</summary>
public static class LearningCurve
{
    public const string CsvHeader = "variant,fraction,seeds,mean_balanced_accuracy,sd_balanced_accuracy,ci_lower,ci_upper,pretrain_seeds";
    public const string DifferencesFile = "learning_curve_differences.csv";
    public const string DifferencesHeader = "variant,baseline,fraction,seeds,difference,ci_lower,ci_upper,p_value,holm_p_value,pretrain_seeds";

    public static IReadOnlyList<LearningCurvePoint> Aggregate(IEnumerable<LearningCurveCellResult> cells) =>
        cells.GroupBy(c => (c.Cell.Variant, c.Cell.Fraction))
            .OrderBy(g => g.Key.Variant, StringComparer.Ordinal).ThenBy(g => g.Key.Fraction)
            .Select(g => LearningCurvePoint.Of(g.Select(c => (c.Cell, c.BalancedAccuracy)).ToList()))
            .ToList();

    public static void Write(string outputDir, IReadOnlyList<LearningCurveCellResult> cells, IReadOnlyList<LearningCurvePoint> points,
        IReadOnlyList<LearningCurveDifference>? differences = null, LearningCurveStatistics? statistics = null)
    {
        static string F(double v) => Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture);
        static string O(double? v, int digits = 4) => v is { } x ? Math.Round(x, digits).ToString("0.######", CultureInfo.InvariantCulture) : "";
        var csv = new StringBuilder(CsvHeader + "\n");
        foreach (var p in points)
            csv.Append(CultureInfo.InvariantCulture,
                $"{p.Variant},{F(p.Fraction)},{p.Seeds},{F(p.MeanBalancedAccuracy)},{O(p.SdBalancedAccuracy)},{O(p.Ci?.Lower)},{O(p.Ci?.Upper)},{p.PretrainSeeds}\n");
        File.WriteAllText(Path.Combine(outputDir, "learning_curve.csv"), csv.ToString());
        var diff = new StringBuilder(DifferencesHeader + "\n");
        foreach (var d in differences ?? [])
            diff.Append(CultureInfo.InvariantCulture,
                $"{d.Variant},{d.Baseline},{F(d.Fraction)},{d.Seeds},{F(d.Difference)},{O(d.Ci?.Lower)},{O(d.Ci?.Upper)},{O(d.PValue, 6)},{O(d.HolmPValue, 6)},{d.PretrainSeeds}\n");
        File.WriteAllText(Path.Combine(outputDir, DifferencesFile), diff.ToString());

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            if (statistics is not null)
            {
                w.WriteStartObject("bootstrap");
                w.WriteString("unit", "hierarchical: pretraining seeds and training seeds, then test patients (a patient's scans together)");
                w.WriteNumber("resamples", statistics.BootstrapResamples);
                w.WriteNumber("seed", statistics.Seed);
                w.WriteNumber("ci_level", statistics.CiLevel);
                w.WriteString("baseline", statistics.Baseline);
                w.WriteString("multiplicity", "Holm over every (variant, fraction) difference from the baseline");
                w.WriteEndObject();
            }
            w.WriteStartArray("points");
            foreach (var p in points)
            {
                w.WriteStartObject();
                w.WriteString("variant", p.Variant);
                w.WriteNumber("fraction", Math.Round(p.Fraction, 4));
                w.WriteNumber("seeds", p.Seeds);
                w.WriteNumber("pretrain_seeds", p.PretrainSeeds);
                w.WriteNumber("mean_balanced_accuracy", Math.Round(p.MeanBalancedAccuracy, 4));
                if (p.SdBalancedAccuracy is { } sd) w.WriteNumber("sd_balanced_accuracy", Math.Round(sd, 4)); else w.WriteNull("sd_balanced_accuracy");
                MetricsJson.Ci(w, "balanced_accuracy_ci", p.Ci);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("differences");
            foreach (var d in differences ?? [])
            {
                w.WriteStartObject();
                w.WriteString("variant", d.Variant);
                w.WriteString("baseline", d.Baseline);
                w.WriteNumber("fraction", Math.Round(d.Fraction, 4));
                w.WriteNumber("seeds", d.Seeds);
                w.WriteNumber("pretrain_seeds", d.PretrainSeeds);
                w.WriteNumber("balanced_accuracy_difference", Math.Round(d.Difference, 4));
                MetricsJson.Ci(w, "balanced_accuracy_difference_ci", d.Ci);
                if (d.PValue is { } pv) w.WriteNumber("p_value", Math.Round(pv, 6)); else w.WriteNull("p_value");
                if (d.HolmPValue is { } hp) w.WriteNumber("holm_p_value", Math.Round(hp, 6)); else w.WriteNull("holm_p_value");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("cells");
            foreach (var c in cells.OrderBy(c => c.Cell.Variant, StringComparer.Ordinal).ThenBy(c => c.Cell.Fraction).ThenBy(c => c.Cell.PretrainSeed).ThenBy(c => c.Cell.Seed))
            {
                w.WriteStartObject();
                w.WriteString("variant", c.Cell.Variant);
                w.WriteNumber("fraction", Math.Round(c.Cell.Fraction, 4));
                w.WriteNumber("seed", c.Cell.Seed);
                if (c.Cell.PretrainSeed is { } pretrainSeed) w.WriteNumber("pretrain_seed", pretrainSeed);
                w.WriteNumber("test_subjects", c.TestSubjects);
                w.WriteNumber("accuracy", Math.Round(c.Accuracy, 4));
                w.WriteNumber("balanced_accuracy", Math.Round(c.BalancedAccuracy, 4));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        File.WriteAllBytes(Path.Combine(outputDir, "learning_curve.json"), [.. stream.ToArray(), (byte)'\n']);
    }

    /// <summary>Reads learning_curve.csv back (for the report); every bad line is reported together.</summary>
    public static IReadOnlyList<LearningCurvePoint> ReadCsv(string path)
    {
        var inv = CultureInfo.InvariantCulture;
        return ReadLines(path, CsvHeader, f =>
            f.Length == 8 && double.TryParse(f[1], NumberStyles.Float, inv, out var fraction) && int.TryParse(f[2], inv, out var seeds)
            && double.TryParse(f[3], NumberStyles.Float, inv, out var mean) && int.TryParse(f[7], inv, out var pretrainSeeds)
                ? new LearningCurvePoint(f[0], fraction, seeds, mean, Optional(f[4]), Interval(f[5], f[6]), pretrainSeeds)
                : null);
    }

    /// <summary>Reads learning_curve_differences.csv back; an empty list when the file is absent (an older summary).</summary>
    public static IReadOnlyList<LearningCurveDifference> ReadDifferences(string path)
    {
        if (!File.Exists(path)) return [];
        var inv = CultureInfo.InvariantCulture;
        return ReadLines(path, DifferencesHeader, f =>
            f.Length == 10 && double.TryParse(f[2], NumberStyles.Float, inv, out var fraction) && int.TryParse(f[3], inv, out var seeds)
            && double.TryParse(f[4], NumberStyles.Float, inv, out var difference) && int.TryParse(f[9], inv, out var pretrainSeeds)
                ? new LearningCurveDifference(f[0], f[1], fraction, seeds, difference, Interval(f[5], f[6]), Optional(f[7]), Optional(f[8]), pretrainSeeds)
                : null);
    }

    private static double? Optional(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static ConfidenceInterval? Interval(string lower, string upper) =>
        Optional(lower) is { } lo && Optional(upper) is { } hi ? new ConfidenceInterval(lo, hi, 0) : null;

    private static List<T> ReadLines<T>(string path, string header, Func<string[], T?> parse) where T : class
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[0] != header) throw new InputException($"{path}: expected header '{header}'");
        var rows = new List<T>();
        var problems = new List<string>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (parse(lines[i].Split(',')) is { } row) rows.Add(row);
            else problems.Add($"{path}: line {i + 1}: expected {header}, got '{lines[i]}'");
        }
        if (problems.Count > 0) throw new InputException(problems);
        return rows;
    }
}
