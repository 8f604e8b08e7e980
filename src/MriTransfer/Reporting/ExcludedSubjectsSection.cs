using MriTransfer.Cohorts.Preprocessed;

namespace MriTransfer.Reporting;

/// <summary>The report's data section: the subjects Preprocess left out of each cohort (its excluded.csv) and why.</summary>
internal static class ExcludedSubjectsSection
{
    public static void Add(ReportDocument doc, IReadOnlyDictionary<string, string> cohortDirs)
    {
        doc.Heading("Data: subjects left out");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (cohort, dir) in cohortDirs.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(dir, PreprocessedCohort.ExcludedFile);
            if (!File.Exists(path)) continue;
            using var reader = new StreamReader(path);
            using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
            if (!csv.Read() || !csv.ReadHeader()) continue;
            while (csv.Read())
                rows.Add([cohort.ToUpperInvariant(), csv.GetField("subject_id") ?? "", csv.GetField("label") ?? "", csv.GetField("path") ?? "", csv.GetField("reason") ?? ""]);
        }
        if (rows.Count == 0)
            doc.Paragraph("No subject was left out of the cohorts (preprocess.on_bad_subject, preprocess.duplicates_across_predefined).");
        else
            doc.Paragraph($"{rows.Count} subject(s) were left out (out/Preprocess*/excluded.csv; preprocess.on_bad_subject, preprocess.max_excluded_fraction, preprocess.duplicates_across_predefined):")
                .Table(["cohort", "subject", "label", "file", "reason"], rows);
    }
}
