using System.Globalization;
using CsvHelper;
using MriTransfer.Cohorts.Splitting;

namespace MriTransfer.Cohorts.Preprocessed;

/// <summary>
/// Writes the files of a preprocessed cohort that other stages read (docs/stage-contract.md): index.csv, splits.csv,
/// label_fractions.csv (BT) and summary.json. The volumes under subjects/ and qc.png are Preprocess's to write.
/// </summary>
public static class PreprocessedCohortWriter
{
    public static void Write(string dir, PreprocessedCohortSummary summary, IReadOnlyList<PreprocessedSubject> index,
        IReadOnlyList<SplitAssignment> splits, IReadOnlyList<LabelFractionRow> fractions)
    {
        WriteCsv(Path.Combine(dir, PreprocessedCohort.IndexFile), ["subject_id", "patient_id", "label", "split", "path", "mean", "sd", "min", "max"],
            index.Select(r => new[] { r.SubjectId, r.PatientId, r.Label, r.Split, r.Path, Number(r.Mean), Number(r.Sd), Number(r.Min), Number(r.Max) }));
        WriteCsv(Path.Combine(dir, PreprocessedCohort.SplitsFile), ["subject_id", "patient_id", "label", "split", "fold"],
            splits.Select(s => new[] { s.SubjectId, s.PatientId, s.Label, s.Split, s.Fold?.ToString(CultureInfo.InvariantCulture) ?? "" }));
        if (summary.Role == CohortRole.Bt)
            WriteCsv(Path.Combine(dir, PreprocessedCohort.LabelFractionsFile), ["subject_id", "fraction"],
                fractions.Select(f => new[] { f.SubjectId, Number(f.Fraction) }));
        summary.Write(Path.Combine(dir, PreprocessedCohortSummary.FileName));
    }

    private static string Number(double value) => value.ToString("G7", CultureInfo.InvariantCulture);

    internal static void WriteCsv(string path, string[] header, IEnumerable<string[]> rows)
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
}
