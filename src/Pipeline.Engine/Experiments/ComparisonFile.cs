using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Experiments;

/// <summary>
/// <c>--compare ID1,ID2</c>: writes <see cref="Path"/> describing those recorded experiments — when, what they changed
/// against their baseline, every params value, and for each stage instance its result, time, fingerprint and the run-cache
/// folder holding its outputs (null when Gc removed it) — so a stage that declares it as an input (e.g. a comparison
/// page) is rerun exactly when the compared runs change, and restored otherwise. The engine does not read the outputs.
/// </summary>
internal static class ComparisonFile
{
    public const string Path = ".pipeline/compare/runs.json";
    public const int Schema = 1;

    public static string Write(Workspace workspace, string ids)
    {
        var store = new ExperimentStore(workspace);
        var wanted = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (wanted.Count < 2) throw new UsageException($"--compare expects two or more experiment ids separated by commas (e.g. --compare e1,e2), got '{ids}'");
        var records = wanted.Select(store.Load).ToList();
        var file = workspace.Full(Path);
        FileSystemFault.Guard(file, "writing the comparison's runs file", () => AtomicFile.WriteAllText(file, Json(workspace, records)), workspace.Root, fileExpected: true);
        return $"comparing experiments {string.Join(", ", records.Select(r => r.Id))} (written to {Path})";
    }

    private static string Json(Workspace workspace, IReadOnlyList<ExperimentRecord> records)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schema", Schema);
            w.WriteStartArray("runs");
            foreach (var r in records)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("when", r.When.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                w.WriteString("baseline", r.Baseline);
                ParamChange.WriteArray(w, "changes", r.Changes);
                w.WriteStartObject("params");
                foreach (var (key, value) in r.Params) w.WriteString(key, value);
                w.WriteEndObject();
                w.WriteStartObject("stages");
                foreach (var (id, used) in r.Instances)
                {
                    w.WriteStartObject(id);
                    w.WriteString("result", used.Result);
                    w.WriteNumber("seconds", used.Seconds);
                    w.WriteString("fingerprint", used.Fingerprint);
                    w.WriteString("outputs", RunCache.Has(workspace, used.Fingerprint) ? RunCache.FilesOf(workspace, used.Fingerprint) : null);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
