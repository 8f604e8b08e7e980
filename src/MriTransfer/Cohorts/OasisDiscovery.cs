using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace MriTransfer.Cohorts;

/// <summary>
/// Builds a cohort from the OASIS-1 cross-sectional download: session folders <c>OAS1_xxxx_MRn</c> (directly under the
/// root or inside its <c>disc1</c> … <c>disc12</c> folders) and, at the root, the set's CSV with an <c>ID</c> and a
/// <c>CDR</c> column (oasis_cross-sectional.csv). Each session reads its atlas-registered, skull-stripped,
/// bias-corrected image <c>PROCESSED/MPRAGE/T88_111/*_t88_masked_gfc.hdr</c>, or when that is missing its first raw scan
/// <c>RAW/*_mpr-N_anon.hdr</c> (lowest N). Labels: CDR 0 → CN, 0.5 → MCI (very mild dementia), 1 or more → AD;
/// sessions whose CDR is empty (OASIS did not rate the participants under 60) are left out. The patient is
/// <c>OAS1_xxxx</c>, so a participant's repeat session (MR2) stays in the split of the first. Age and sex come from the
/// CSV's Age and M/F columns.
/// </summary>
public static partial class OasisDiscovery
{
    [GeneratedRegex(@"^(OAS1_\d{4})_MR\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex SessionName();

    [GeneratedRegex(@"_mpr-(\d+)_anon\.hdr$", RegexOptions.IgnoreCase)]
    private static partial Regex RawScan();

    public static bool Recognises(string root) => Directory.Exists(root) && Sessions(root).Any();

    public static IReadOnlyList<CohortSubject> Discover(string root)
    {
        var problems = new List<string>();
        var table = ReadTable(root, problems) ?? throw new CohortManifestException(root, problems);
        var subjects = new List<CohortSubject>();
        foreach (var session in Sessions(root))
        {
            var id = Path.GetFileName(session);
            if (!table.TryGetValue(id, out var row)) { problems.Add($"session {id} ({session}) has no row in the CSV's ID column"); continue; }
            if (row.Cdr is null) continue;
            var image = ImageOf(session);
            if (image is null)
            {
                problems.Add($"session {id}: no image found, expected PROCESSED/MPRAGE/T88_111/*_t88_masked_gfc.hdr or RAW/*_mpr-N_anon.hdr");
                continue;
            }
            var label = row.Cdr.Value switch { 0 => "CN", 0.5 => "MCI", >= 1 and <= 3 => "AD", _ => null };
            if (label is null) { problems.Add($"session {id}: CDR is {row.Cdr}, expected 0, 0.5, 1, 2 or 3"); continue; }
            subjects.Add(new CohortSubject(id, Path.GetFullPath(image), label, SessionName().Match(id).Groups[1].Value, row.Age, row.Sex));
        }
        if (problems.Count > 0) throw new CohortManifestException(root, problems);
        if (subjects.Count == 0) throw new CohortManifestException(root, ["no OASIS-1 session has a CDR rating in the CSV; every session was left out"]);
        return subjects;
    }

    private static IEnumerable<string> Sessions(string root) =>
        Directory.EnumerateDirectories(root).SelectMany(d => SessionName().IsMatch(Path.GetFileName(d)) ? new[] { d } : Directory.EnumerateDirectories(d))
            .Where(d => SessionName().IsMatch(Path.GetFileName(d))).Order(StringComparer.Ordinal);

    private static string? ImageOf(string session)
    {
        var processed = Path.Combine(session, "PROCESSED", "MPRAGE", "T88_111");
        if (Directory.Exists(processed) && Directory.GetFiles(processed, "*_t88_masked_gfc.hdr").Order(StringComparer.Ordinal).FirstOrDefault() is { } t88) return t88;
        var raw = Path.Combine(session, "RAW");
        return Directory.Exists(raw)
            ? Directory.GetFiles(raw, "*.hdr").Select(f => (File: f, Match: RawScan().Match(f))).Where(m => m.Match.Success)
                .OrderBy(m => int.Parse(m.Match.Groups[1].Value, CultureInfo.InvariantCulture)).Select(m => m.File).FirstOrDefault()
            : null;
    }

    private sealed record Row(double? Cdr, double? Age, string? Sex);

    /// <summary>Session id → CDR, age and sex, from the one CSV at the root holding ID and CDR columns.</summary>
    private static Dictionary<string, Row>? ReadTable(string root, List<string> problems)
    {
        var tables = Directory.GetFiles(root, "*.csv").Order(StringComparer.Ordinal).Where(HasColumns).ToList();
        if (tables.Count != 1)
        {
            problems.Add(tables.Count == 0
                ? "OASIS-1 sessions found, but no CSV with ID and CDR columns beside them; put the set's oasis_cross-sectional.csv in this folder, or write a manifest.csv (README, \"Your own data\")"
                : $"{tables.Count} CSV files have ID and CDR columns ({string.Join(", ", tables.Select(Path.GetFileName))}); keep one");
            return null;
        }
        var rows = new Dictionary<string, Row>(StringComparer.OrdinalIgnoreCase);
        using var csv = Open(tables[0]);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var id = csv.GetField("id")?.Trim() ?? "";
            if (id.Length == 0) continue;
            var cdr = Number(tables[0], csv, "cdr", problems);
            rows[id] = new Row(cdr, Number(tables[0], csv, "age", problems), csv.TryGetField<string>("m/f", out var sex) && !string.IsNullOrWhiteSpace(sex) ? sex.Trim() : null);
        }
        return rows;
    }

    private static double? Number(string file, CsvReader csv, string column, List<string> problems)
    {
        if (!csv.TryGetField<string>(column, out var text) || string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        problems.Add($"{file}: row {csv.Parser.Row}: {column.ToUpperInvariant()} is '{text}', expected a number or empty");
        return null;
    }

    private static bool HasColumns(string file)
    {
        using var csv = Open(file);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header) return false;
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        return names.Contains("id") && names.Contains("cdr");
    }

    private static CsvReader Open(string file) =>
        new(new StreamReader(file), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), MissingFieldFound = null, BadDataFound = null,
        });
}
