using System.Text.Json;

namespace Pipeline.Engine.Cli;

/// <summary>.nuke/parameters.json: the default target and the default params file.</summary>
internal sealed record NukeParameters(string? Target, string Params)
{
    public static NukeParameters Load(string root)
    {
        var file = Path.Combine(root, ".nuke", "parameters.json");
        if (!File.Exists(file)) return new NukeParameters(null, "params.yaml");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            string? Read(string name) => json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new NukeParameters(Read("Target"), Read("Params") ?? "params.yaml");
        }
        catch (JsonException e)
        {
            throw new UsageException($".nuke/parameters.json: not valid JSON ({e.Message})");
        }
    }
}
