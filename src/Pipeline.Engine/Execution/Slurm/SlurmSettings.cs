using System.Globalization;
using System.Text.Json;

namespace Pipeline.Engine.Execution.Slurm;

/// <summary>
/// The "slurm" section of .nuke/parameters.json: sbatch options for every job, with per-stage overrides, e.g.
/// <code>"slurm": { "partition": "cpu", "account": "lab", "mem": "8G", "time": "02:00:00", "extra": ["--qos=normal"],
///   "stages": { "Pretrain": { "partition": "gpu", "extra": ["--gres=gpu:1"] } } }</code>
/// --cpus-per-task always comes from the stage's .Threads(...) params value. <c>poll_seconds</c> is how often the engine
/// asks squeue about its jobs (default 5).
/// </summary>
internal sealed record SlurmSettings(string? Partition, string? Account, string? Memory, string? Time, IReadOnlyList<string> Extra,
    double PollSeconds, IReadOnlyDictionary<string, SlurmSettings> Stages)
{
    public static readonly SlurmSettings Default = new(null, null, null, null, [], 5, new Dictionary<string, SlurmSettings>());

    /// <summary>The sbatch flags of a stage: the defaults, then its override (a later flag wins in sbatch).</summary>
    public IReadOnlyList<string> FlagsFor(string stage, int cpus)
    {
        var flags = new List<string> { $"--cpus-per-task={cpus.ToString(CultureInfo.InvariantCulture)}" };
        void Add(SlurmSettings s)
        {
            if (s.Partition is { } p) flags.Add($"--partition={p}");
            if (s.Account is { } a) flags.Add($"--account={a}");
            if (s.Memory is { } m) flags.Add($"--mem={m}");
            if (s.Time is { } t) flags.Add($"--time={t}");
            flags.AddRange(s.Extra);
        }
        Add(this);
        if (Stages.TryGetValue(stage, out var own)) Add(own);
        return flags;
    }

    public static SlurmSettings Parse(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new UsageException($"{where}: expected an object of sbatch settings");
        string? Text(string name) => Property(element, name) is { } v
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : throw new UsageException($"{where}.{name}: expected a string")
            : null;
        var extra = Property(element, "extra") is { } e
            ? e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)
                ? e.EnumerateArray().Select(x => x.GetString()!).ToList()
                : throw new UsageException($"{where}.extra: expected a list of sbatch flags, e.g. [\"--gres=gpu:1\"]")
            : [];
        var poll = Property(element, "poll_seconds") is { } ps
            ? ps.ValueKind == JsonValueKind.Number && ps.GetDouble() is > 0 and <= 600 ? ps.GetDouble()
                : throw new UsageException($"{where}.poll_seconds: expected a number of seconds in (0, 600]")
            : Default.PollSeconds;
        var stages = new Dictionary<string, SlurmSettings>(StringComparer.Ordinal);
        if (Property(element, "stages") is { } st)
        {
            if (st.ValueKind != JsonValueKind.Object) throw new UsageException($"{where}.stages: expected an object of stage names");
            foreach (var stage in st.EnumerateObject()) stages[stage.Name] = Parse(stage.Value, $"{where}.stages.{stage.Name}");
        }
        return new SlurmSettings(Text("partition"), Text("account"), Text("mem"), Text("time"), extra, poll, stages);
    }

    /// <summary>Stage names of the overrides that the pipeline does not declare (a typo would be silently ignored).</summary>
    public IEnumerable<string> UnknownStages(IEnumerable<string> stageNames) => Stages.Keys.Except(stageNames, StringComparer.Ordinal);

    private static JsonElement? Property(JsonElement element, string name) =>
        element.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Undefined } p
            ? p.Value
            : null;
}
