using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Pipeline.Errors;

namespace MriTransfer.Cohorts;

/// <summary>One subject of a cohort manifest; <see cref="Path"/> is absolute (resolved against the manifest's folder).</summary>
/// <param name="PredefinedSplit">"train" or "test" when the dataset itself fixes the split (Training/Testing folders, a manifest's split column), else null.</param>
public sealed record CohortSubject(
    string SubjectId, string Path, string Label, string PatientId,
    double? Age = null, string? Sex = null, string? Site = null, string? PredefinedSplit = null);

/// <summary>
/// A cohort manifest (CSV): columns subject_id, path, label and optional patient_id (defaults to subject_id),
/// age, sex, site, split (a predefined split: train / val / test, given for every subject or none); header names are case-insensitive; paths are relative to the manifest's folder (absolute
/// paths are kept). <see cref="Load"/> reports every malformed row together; <see cref="LoadValidated"/> also
/// checks the files and labels (see <see cref="CohortValidator"/>).
/// </summary>
public static class CohortManifest
{
    public static readonly string[] RequiredColumns = ["subject_id", "path", "label"];
    public static readonly string[] OptionalColumns = ["patient_id", "age", "sex", "site", "split"];

    /// <summary>Reads the rows; throws <see cref="CohortManifestException"/> listing every missing column or malformed row.</summary>
    public static IReadOnlyList<CohortSubject> Load(string manifestPath)
    {
        var problems = new List<string>();
        var subjects = Read(manifestPath, problems);
        if (problems.Count > 0) throw new CohortManifestException(manifestPath, problems);
        return subjects;
    }

    /// <summary>
    /// Reads the well-formed rows and adds one problem per malformed row to <paramref name="problems"/>, so a caller can
    /// go on checking the files of the good rows and report everything together. A missing or headerless manifest (no
    /// rows to go on with) still throws.
    /// </summary>
    public static IReadOnlyList<CohortSubject> Read(string manifestPath, List<string> problems)
    {
        if (!File.Exists(manifestPath)) throw new CohortManifestException(manifestPath, ["manifest file not found"]);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(manifestPath))!;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = false,
        };
        using var reader = new StreamReader(manifestPath);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
            throw new CohortManifestException(manifestPath, [$"the manifest is empty; expected a header row with {string.Join(", ", RequiredColumns)}"]);
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new CohortManifestException(manifestPath,
                [$"missing column(s) {string.Join(", ", missing)}; the header is '{string.Join(",", csv.HeaderRecord!)}', expected {string.Join(", ", RequiredColumns)} (+ optional {string.Join(", ", OptionalColumns)})"]);

        var subjects = new List<CohortSubject>();
        while (csv.Read())
        {
            var row = csv.Parser.Row;
            string? Field(string name) => header.Contains(name) ? csv.GetField(name)?.Trim() : null;
            var id = Field("subject_id");
            var path = Field("path");
            var label = Field("label");
            var rowProblems = new List<string>();
            foreach (var (name, value) in new[] { ("subject_id", id), ("path", path), ("label", label) })
                if (string.IsNullOrEmpty(value)) rowProblems.Add($"{name} is empty");
            double? age = null;
            var ageText = Field("age");
            if (!string.IsNullOrEmpty(ageText))
            {
                if (double.TryParse(ageText, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && a is >= 0 and <= 150) age = a;
                else rowProblems.Add($"age '{ageText}' is not a number between 0 and 150");
            }
            if (rowProblems.Count > 0)
            {
                problems.Add($"row {row}{(string.IsNullOrEmpty(id) ? "" : $" (subject {id})")}: {string.Join("; ", rowProblems)}");
                continue;
            }
            var patient = Field("patient_id");
            subjects.Add(new CohortSubject(id!, System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, path!)), label!,
                string.IsNullOrEmpty(patient) ? id! : patient, age, NullIfEmpty(Field("sex")), NullIfEmpty(Field("site")), NullIfEmpty(Field("split"))));
        }
        return subjects;
    }

    /// <summary>Loads and validates; throws <see cref="CohortManifestException"/> with every problem found.</summary>
    public static IReadOnlyList<CohortSubject> LoadValidated(string manifestPath, CohortValidationOptions options)
    {
        var subjects = Load(manifestPath);
        var problems = CohortValidator.Validate(subjects, options);
        if (problems.Count > 0) throw new CohortManifestException(manifestPath, problems);
        return subjects;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}

/// <summary>Problems with a cohort (manifest rows, files, labels), all reported together; the message starts with the manifest's path.</summary>
public sealed class CohortManifestException(string source, IReadOnlyList<string> problems)
    : InputException($"{source}: {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems), problems)
{
    public string ManifestPath { get; } = source;
}
