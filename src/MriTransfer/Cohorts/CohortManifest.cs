using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace MriTransfer.Cohorts;

/// <summary>One subject of a cohort manifest; <see cref="Path"/> is absolute (resolved against the manifest's folder).</summary>
public sealed record CohortSubject(
    string SubjectId, string Path, string Label, string PatientId,
    double? Age = null, string? Sex = null, string? Site = null, string? PredefinedSplit = null);

/// <summary>
/// A cohort manifest: columns subject_id, path, label and optional patient_id, age, sex, site.
/// BOOTSTRAP VERSION: reads the columns only; the I/O issue adds full validation and class-folder discovery.
/// </summary>
public static class CohortManifest
{
    public static IReadOnlyList<CohortSubject> Load(string manifestPath)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(manifestPath))!;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant() };
        using var reader = new StreamReader(manifestPath);
        using var csv = new CsvReader(reader, config);
        csv.Read();
        csv.ReadHeader();
        var subjects = new List<CohortSubject>();
        while (csv.Read())
        {
            var id = csv.GetField("subject_id")!;
            csv.TryGetField<string>("patient_id", out var patient);
            subjects.Add(new CohortSubject(id, System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, csv.GetField("path")!)),
                csv.GetField("label")!, string.IsNullOrEmpty(patient) ? id : patient));
        }
        return subjects;
    }
}
