using System.Text.Json;
using Pipeline.Engine.Execution.Slurm;

namespace Pipeline.Engine.Cli;

/// <summary>.nuke/parameters.json: the default target and params file, and the build settings of where stages run —
/// <c>"executor": "local" | "slurm"</c>, <c>"cache": { "dir": PATH }</c> or <c>"cache.dir": PATH</c> (a shared run cache) and <c>"slurm": {...}</c>
/// (see <see cref="SlurmSettings"/>). Keys are matched without case. Command-line options override them.</summary>
internal sealed record NukeParameters(string? Target, string Params, string? Executor = null, string? CacheDir = null, SlurmSettings? Slurm = null)
{
    private const string File = ".nuke/parameters.json";

    public static NukeParameters Load(string root)
    {
        var file = Path.Combine(root, ".nuke", "parameters.json");
        if (!System.IO.File.Exists(file)) return new NukeParameters(null, "params.yaml");
        try
        {
            using var json = JsonDocument.Parse(System.IO.File.ReadAllText(file));
            var top = json.RootElement;
            if (top.ValueKind != JsonValueKind.Object) throw new UsageException($"{File}: expected a JSON object");
            JsonElement? Get(JsonElement e, string name) =>
                e.EnumerateObject().Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();
            string? Text(JsonElement e, string name, string where) => Get(e, name) is { } v
                ? v.ValueKind == JsonValueKind.String ? v.GetString() : throw new UsageException($"{File}: \"{where}\" must be a string")
                : null;
            var cache = Get(top, "cache") is { ValueKind: JsonValueKind.Object } c ? Text(c, "dir", "cache.dir") : Text(top, "cache.dir", "cache.dir");
            var slurm = Get(top, "slurm") is { } s ? SlurmSettings.Parse(s, $"{File}: slurm") : null;
            return new NukeParameters(Text(top, "Target", "Target"), Text(top, "Params", "Params") ?? "params.yaml",
                Text(top, "executor", "executor"), cache, slurm);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{File}: not valid JSON ({e.Message})");
        }
    }
}
