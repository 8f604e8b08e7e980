using System.Globalization;
using System.Text.Json;
using CsvHelper;
using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Splitting;

namespace MriTransfer.Preprocessing;

/// <summary>What summary.json says about a preprocessed cohort.</summary>
public sealed record PreprocessedCohortSummary(
    string Mode, string Role, IReadOnlyList<string> Classes, int[] Shape, double[] Spacing,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts,
    IReadOnlyDictionary<string, int> InputOrientations, int Seed, IReadOnlyList<double> LabelFractions);

/// <summary>Writes index.csv, splits.csv, label_fractions.csv (BT), summary.json and qc.png (docs/stage-contract.md).</summary>
internal static class PreprocessedCohortWriter
{
    public static PreprocessedCohortSummary Write(
        CohortPreprocessRequest request, IReadOnlyList<CohortSubject> subjects, IReadOnlyList<SplitAssignment> splits,
        IReadOnlyList<LabelFractionRow> fractions, SubjectResult[] results)
    {
        var dir = request.OutputDir;
        var byId = results.ToDictionary(r => r.SubjectId, StringComparer.Ordinal);
        var classes = subjects.Select(s => s.Label).Distinct().Order(StringComparer.Ordinal).ToList();

        WriteCsv(Path.Combine(dir, "index.csv"), ["subject_id", "patient_id", "label", "split", "path", "mean", "sd", "min", "max"],
            splits.Select(s =>
            {
                var r = byId[s.SubjectId];
                return new[] { s.SubjectId, s.PatientId, s.Label, s.Split, r.RelativePath, Number(r.Mean), Number(r.Sd), Number(r.Min), Number(r.Max) };
            }));
        WriteCsv(Path.Combine(dir, "splits.csv"), ["subject_id", "patient_id", "label", "split", "fold"],
            splits.Select(s => new[] { s.SubjectId, s.PatientId, s.Label, s.Split, s.Fold?.ToString(CultureInfo.InvariantCulture) ?? "" }));
        if (request.Split.Role == CohortRole.Bt)
            WriteCsv(Path.Combine(dir, "label_fractions.csv"), ["subject_id", "fraction"],
                fractions.Select(f => new[] { f.SubjectId, Number(f.Fraction) }));

        var first = results[0];
        var summary = new PreprocessedCohortSummary(
            request.Preprocess.Mode == PreprocessMode.ThreeD ? "3d" : "2d",
            request.Split.Role == CohortRole.Ad ? "ad" : "bt",
            classes, first.Shape, first.Spacing.Select(s => Math.Round(s, 6)).ToArray(),
            new[] { SplitNames.Train, SplitNames.Val, SplitNames.Test }
                .Where(split => splits.Any(s => s.Split == split))
                .ToDictionary(split => split, split => (IReadOnlyDictionary<string, int>)classes.ToDictionary(c => c, c => splits.Count(s => s.Split == split && s.Label == c))),
            results.GroupBy(r => r.InputOrientation).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            request.Split.Seed,
            request.Split.Role == CohortRole.Bt ? request.Split.LabelFractions.Order().ToList() : []);
        WriteJson(Path.Combine(dir, "summary.json"), summary);

        var qc = classes
            .Select(c => (c, (IReadOnlyList<QcSlices>)subjects.Where(s => s.Label == c).OrderBy(s => s.SubjectId, StringComparer.Ordinal)
                .Select(s => byId[s.SubjectId].Qc).OfType<QcSlices>().ToList()))
            .ToList();
        QcMontage.Write(Path.Combine(dir, "qc.png"), qc);
        return summary;
    }

    private static string Number(double value) => value.ToString("G7", CultureInfo.InvariantCulture);

    private static void WriteCsv(string path, string[] header, IEnumerable<string[]> rows)
    {
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in header) csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row) csv.WriteField(field);
                csv.NextRecord();
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    private static void WriteJson(string path, PreprocessedCohortSummary summary)
    {
        var json = new
        {
            mode = summary.Mode,
            role = summary.Role,
            classes = summary.Classes,
            shape = summary.Shape,
            spacing = summary.Spacing,
            counts = summary.Counts,
            input_orientations = summary.InputOrientations,
            split_seed = summary.Seed,
            label_fractions = summary.LabelFractions,
            qc = "qc.png: one row per class in the order of 'classes' (name above, coloured strip at the left); subjects drawn across each class's patients with the split seed, in subject order; each subject = central axial (anterior up, patient's right on the right) then central coronal (superior up)",
        };
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temp, path, overwrite: true);
    }
}
