using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>metrics.json with every number rounded to what is stable from run to run, as a JSON tree Snapshooter
/// stores one value per line (so a moved metric shows as a one-line diff).</summary>
public static class MetricsSnapshot
{
    public const int Decimals = 2;

    public static Newtonsoft.Json.Linq.JToken Of(string metricsJsonPath)
    {
        var node = JsonNode.Parse(File.ReadAllText(metricsJsonPath))!;
        return Newtonsoft.Json.Linq.JToken.Parse(Round(node)!.ToJsonString());
    }

    private static JsonNode? Round(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key, Round(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Round).ToArray()),
        JsonValue v when v.TryGetValue<double>(out var d) => JsonValue.Create(Math.Round(d, Decimals)),
        _ => node?.DeepClone(),
    };
}
