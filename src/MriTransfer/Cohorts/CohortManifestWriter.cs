using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace MriTransfer.Cohorts;

/// <summary>
/// Writes a cohort manifest (subject_id,path,label,patient_id,age,sex,site, and split when any subject has a predefined
/// split) with paths relative to the manifest.
/// </summary>
public static class CohortManifestWriter
{
    public static readonly string[] Columns = ["subject_id", "path", "label", "patient_id", "age", "sex", "site"];

    public static void Write(string manifestPath, IEnumerable<CohortSubject> rows)
    {
        var subjects = rows.ToList();
        var withSplit = subjects.Any(s => s.PredefinedSplit is not null);
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        Directory.CreateDirectory(folder);
        var temp = manifestPath + ".tmp";
        using (var writer = new StreamWriter(temp))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            foreach (var column in Columns) csv.WriteField(column);
            if (withSplit) csv.WriteField("split");
            csv.NextRecord();
            foreach (var s in subjects)
            {
                var relative = Path.GetRelativePath(folder, s.Path).Replace('\\', '/');
                csv.WriteField(s.SubjectId);
                csv.WriteField(relative);
                csv.WriteField(s.Label);
                csv.WriteField(s.PatientId);
                csv.WriteField(s.Age?.ToString("0.##", CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(s.Sex ?? "");
                csv.WriteField(s.Site ?? "");
                if (withSplit) csv.WriteField(s.PredefinedSplit ?? "");
                csv.NextRecord();
            }
        }
        File.Move(temp, manifestPath, overwrite: true);
    }
}
