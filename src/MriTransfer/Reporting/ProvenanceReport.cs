using System.Globalization;
using System.Text.Json;

namespace MriTransfer.Reporting;

/// <summary>One stage of the run as the provenance file names it: ran, restored, up to date or skipped, and its time
/// (this run's when it ran, else its usual time from earlier runs, or null).</summary>
public sealed record ProvenanceStage(string Id, string Result, double? Seconds, bool TimedInThisRun);

/// <summary>
/// The run that rendered the report, read from the provenance file the engine hands a stage declared with
/// <c>.Provenance()</c> (PIPELINE_PROVENANCE; docs/stage-contract.md): git revision and whether the tree was dirty,
/// pipeline.lock's SHA-256 when the stage started, the params diff against HEAD and each stage's result and time.
/// A missing or unreadable file gives null (the report says "not given"), never a failed report.
/// </summary>
public sealed record ProvenanceReport(
    string? Revision, bool? Dirty, IReadOnlyList<string> ChangedFiles, int ChangedFilesTotal, string? LockSha256,
    string Baseline, IReadOnlyList<(string Key, string? Old, string? New)> Changes, IReadOnlyList<ProvenanceStage> Stages)
{
    public static ProvenanceReport? Read(string? path)
    {
        if (path is null || !File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var git = root.GetProperty("git");
            var parameters = root.GetProperty("params");
            return new ProvenanceReport(
                Text(git, "revision"),
                git.GetProperty("dirty").ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null },
                git.GetProperty("changed_files").EnumerateArray().Select(f => f.GetString() ?? "").ToList(),
                git.GetProperty("changed_files_total").GetInt32(),
                Text(root.GetProperty("lock"), "sha256"),
                Text(parameters, "baseline") ?? "",
                parameters.GetProperty("changes").EnumerateArray().Select(c => (Text(c, "key") ?? "", Text(c, "old"), Text(c, "new"))).ToList(),
                root.GetProperty("stages").EnumerateArray().Select(s => new ProvenanceStage(Text(s, "id") ?? "", Text(s, "result") ?? "",
                    s.GetProperty("seconds").ValueKind == JsonValueKind.Number ? s.GetProperty("seconds").GetDouble() : null,
                    s.GetProperty("timed_in_this_run").GetBoolean())).ToList());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    /// <summary>The lock's checksum as the provenance table shows it (first 12 hex digits, like a given lock's).</summary>
    public string LockRow => LockSha256 is { Length: >= 12 } sha ? $"sha256 {sha[..12]} (when Report started)" : "not given";

    /// <summary>Rows for the provenance table: revision, dirty or clean, the params diff in one line.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows =>
    [
        ["git revision", Revision is null ? "none (no git repository, or no commit yet)" : Revision[..Math.Min(12, Revision.Length)]],
        ["working tree", Dirty switch
        {
            true => $"dirty: {ChangedFilesTotal} tracked file(s) changed ({string.Join(", ", ChangedFiles.Take(5))}{(ChangedFilesTotal > 5 ? ", …" : "")})",
            false => "clean",
            null => "unknown",
        }],
        ["params against " + Baseline, Changes.Count == 0 ? "no change" : $"{Changes.Count} key(s) changed (table below)"],
    ];

    /// <summary>The params diff and the stage table, each under its own heading.</summary>
    public void AddTables(ReportDocument doc)
    {
        if (Changes.Count > 0)
            doc.Heading("Params changed against " + Baseline, 3)
                .Table(["key", "at HEAD", "in this run"], Changes.Select(c => (IReadOnlyList<string>)[c.Key, c.Old ?? "(unset)", c.New ?? "(unset)"]));
        if (Stages.Count > 0)
            doc.Heading("Stages of the run that rendered this report", 3)
                .Table(["stage", "result", "time"], Stages.Select(s => (IReadOnlyList<string>)[s.Id, s.Result, Time(s)]));
    }

    private static string Time(ProvenanceStage s) => s.Seconds is not { } seconds ? ""
        : TimeSpan.FromSeconds(Math.Round(seconds)).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture)
          + (s.TimedInThisRun ? "" : " (usual)");

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
