using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Errors;

namespace MriTransfer.Evaluation;

/// <summary>One learning-curve cell: a variant trained on a label fraction with a seed.</summary>
public sealed record LearningCurveCell(string Variant, double Fraction, int Seed)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Variant} (fraction {Fraction}, seed {Seed})");
}

/// <summary>Balanced accuracy of one cell on the BT test subjects.</summary>
public sealed record LearningCurveCellResult(LearningCurveCell Cell, int TestSubjects, double Accuracy, double BalancedAccuracy);

/// <summary>Mean and sample sd (null for a single seed) of balanced accuracy over the seeds of one (variant, fraction).</summary>
public sealed record LearningCurvePoint(string Variant, double Fraction, int Seeds, double MeanBalancedAccuracy, double? SdBalancedAccuracy);

/// <summary>Aggregates learning-curve cells and reads/writes learning_curve.csv / learning_curve.json.</summary>
public static class LearningCurve
{
    public const string CsvHeader = "variant,fraction,seeds,mean_balanced_accuracy,sd_balanced_accuracy";

    public static IReadOnlyList<LearningCurvePoint> Aggregate(IEnumerable<LearningCurveCellResult> cells) =>
        cells.GroupBy(c => (c.Cell.Variant, c.Cell.Fraction))
            .OrderBy(g => g.Key.Variant, StringComparer.Ordinal).ThenBy(g => g.Key.Fraction)
            .Select(g =>
            {
                var values = g.Select(c => c.BalancedAccuracy).ToList();
                var mean = values.Average();
                double? sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : null;
                return new LearningCurvePoint(g.Key.Variant, g.Key.Fraction, values.Count, mean, sd);
            })
            .ToList();

    public static void Write(string outputDir, IReadOnlyList<LearningCurveCellResult> cells, IReadOnlyList<LearningCurvePoint> points)
    {
        static string F(double v) => Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture);
        var csv = new StringBuilder(CsvHeader + "\n");
        foreach (var p in points)
            csv.Append(CultureInfo.InvariantCulture, $"{p.Variant},{F(p.Fraction)},{p.Seeds},{F(p.MeanBalancedAccuracy)},{(p.SdBalancedAccuracy is { } sd ? F(sd) : "")}\n");
        File.WriteAllText(Path.Combine(outputDir, "learning_curve.csv"), csv.ToString());

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteStartArray("points");
            foreach (var p in points)
            {
                w.WriteStartObject();
                w.WriteString("variant", p.Variant);
                w.WriteNumber("fraction", Math.Round(p.Fraction, 4));
                w.WriteNumber("seeds", p.Seeds);
                w.WriteNumber("mean_balanced_accuracy", Math.Round(p.MeanBalancedAccuracy, 4));
                if (p.SdBalancedAccuracy is { } sd) w.WriteNumber("sd_balanced_accuracy", Math.Round(sd, 4)); else w.WriteNull("sd_balanced_accuracy");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("cells");
            foreach (var c in cells.OrderBy(c => c.Cell.Variant, StringComparer.Ordinal).ThenBy(c => c.Cell.Fraction).ThenBy(c => c.Cell.Seed))
            {
                w.WriteStartObject();
                w.WriteString("variant", c.Cell.Variant);
                w.WriteNumber("fraction", Math.Round(c.Cell.Fraction, 4));
                w.WriteNumber("seed", c.Cell.Seed);
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
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[0] != CsvHeader) throw new InputException($"{path}: expected header '{CsvHeader}'");
        var points = new List<LearningCurvePoint>();
        var problems = new List<string>();
        var inv = CultureInfo.InvariantCulture;
        for (var i = 1; i < lines.Count; i++)
        {
            var f = lines[i].Split(',');
            if (f.Length == 5 && double.TryParse(f[1], NumberStyles.Float, inv, out var fraction) && int.TryParse(f[2], inv, out var seeds)
                && double.TryParse(f[3], NumberStyles.Float, inv, out var mean))
                points.Add(new LearningCurvePoint(f[0], fraction, seeds, mean, double.TryParse(f[4], NumberStyles.Float, inv, out var sd) ? sd : null));
            else problems.Add($"{path}: line {i + 1}: expected {CsvHeader}, got '{lines[i]}'");
        }
        if (problems.Count > 0) throw new InputException(problems);
        return points;
    }
}
