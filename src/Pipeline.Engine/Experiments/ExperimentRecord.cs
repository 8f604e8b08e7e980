namespace Pipeline.Engine.Experiments;

/// <summary>A params value an experiment changed against its baseline (null: the key was absent on that side).</summary>
internal sealed record ParamChange(string Key, string? Old, string? New)
{
    /// <summary>Writes changes as a JSON array of {key, old, new} (the runs and provenance files stages read).</summary>
    public static void WriteArray(System.Text.Json.Utf8JsonWriter w, string name, IEnumerable<ParamChange> changes)
    {
        w.WriteStartArray(name);
        foreach (var change in changes)
        {
            w.WriteStartObject();
            w.WriteString("key", change.Key);
            w.WriteString("old", change.Old);
            w.WriteString("new", change.New);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}

/// <summary>One stage instance of an experiment: the fingerprint whose outputs it used, and what the run did with it
/// ("ran", "restored", "up to date", "skipped").</summary>
internal sealed record ExperimentInstance(string Fingerprint, string Result, double Seconds);

/// <summary>
/// One recorded run that changed params (.pipeline/experiments/&lt;id&gt;/experiment.json, with its metrics files copied
/// beside it under metrics/). Its outputs are not here: they stay in the run cache under the fingerprints it lists.
/// <see cref="Params"/> holds every params value in effect (canonical text), <see cref="Changes"/> what differs from
/// <see cref="Baseline"/> (HEAD's params file, or the file in the workspace where there is no git).
/// </summary>
internal sealed record ExperimentRecord(
    int Version,
    string Id,
    DateTimeOffset When,
    string ParamsFile,
    string Baseline,
    string? Commit,
    IReadOnlyList<string> Targets,
    IReadOnlyList<ParamChange> Changes,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, ExperimentInstance> Instances,
    IReadOnlyList<string> Metrics)
{
    public const int CurrentVersion = 1;

    public int Count(string result) => Instances.Values.Count(i => i.Result == result);

    /// <summary>"2 ran, 1 restored, 3 up to date" (the parts that are not zero).</summary>
    public string StagesText()
    {
        var parts = new[] { "ran", "restored", "up to date", "skipped" }.Select(r => (r, n: Count(r))).Where(p => p.n > 0).Select(p => $"{p.n} {p.r}").ToList();
        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }
}
