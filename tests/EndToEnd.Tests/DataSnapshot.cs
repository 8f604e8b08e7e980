using Newtonsoft.Json.Linq;

namespace EndToEnd.Tests;

/// <summary>
/// What a run makes without floating-point training, snapshotted exactly: the preprocessing summaries, the
/// subject-level splits and label fractions, and the content hashes pipeline.lock records for the synthesised and
/// preprocessed cohorts. None of it depends on which CPU ran it.
/// </summary>
public static class DataSnapshot
{
    private static readonly string[] DataStages = ["Synthesize", "PreprocessAd", "PreprocessBt"];

    public static JObject Of(string root) => new()
    {
        ["ad_summary"] = JToken.Parse(File.ReadAllText(Path.Combine(root, "out/PreprocessAd/summary.json"))),
        ["bt_summary"] = JToken.Parse(File.ReadAllText(Path.Combine(root, "out/PreprocessBt/summary.json"))),
        ["ad_splits"] = Lines(Path.Combine(root, "out/PreprocessAd/splits.csv")),
        ["bt_splits"] = Lines(Path.Combine(root, "out/PreprocessBt/splits.csv")),
        ["bt_label_fractions"] = Lines(Path.Combine(root, "out/PreprocessBt/label_fractions.csv")),
        ["lock_outputs"] = LockOutputs(Path.Combine(root, "pipeline.lock")),
    };

    private static JArray Lines(string path) => new(File.ReadAllLines(path).Where(l => l.Length > 0));

    /// <summary>The "outputs:" lines of the data stages' entries in pipeline.lock (hash and size of each output).</summary>
    private static JObject LockOutputs(string lockPath)
    {
        var result = new JObject();
        string? stage = null;
        var inOutputs = false;
        foreach (var line in File.ReadAllLines(lockPath))
        {
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("    ", StringComparison.Ordinal))
            {
                stage = line.Trim().TrimEnd(':');
                inOutputs = false;
            }
            else if (line.StartsWith("    ", StringComparison.Ordinal) && !line.StartsWith("      ", StringComparison.Ordinal))
                inOutputs = line.Trim().StartsWith("outputs:", StringComparison.Ordinal);
            else if (inOutputs && stage is not null && DataStages.Contains(stage))
            {
                var entry = (JArray?)result[stage] ?? new JArray();
                entry.Add(line.Trim());
                result[stage] = entry;
            }
        }
        return result;
    }
}
