using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// A JSON file (metrics.json) against its committed snapshot in __snapshots__/: the same keys, the same texts and
/// the same exact numbers, and every training-dependent number within <see cref="MetricTolerances"/>. A missing
/// snapshot is written and the test passes (commit it); on a mismatch the actual file goes to
/// __snapshots__/__mismatch__/ and the test fails listing key, snapshot, actual, |Δ| and tolerance. To accept an
/// intended change, copy the mismatch file over the snapshot (README, "Reviewing a change that moves a metric").
/// </summary>
public static class ToleranceSnapshot
{
    public static void Match(string actualJsonPath, string name, [CallerFilePath] string caller = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(caller)!, "__snapshots__");
        var snapshotPath = Path.Combine(folder, name + ".json");
        var actualText = File.ReadAllText(actualJsonPath);
        if (!File.Exists(snapshotPath))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(snapshotPath, actualText);
            return;
        }
        var problems = Compare(JsonNode.Parse(File.ReadAllText(snapshotPath)), JsonNode.Parse(actualText));
        if (problems.Count == 0) return;
        var mismatch = Path.Combine(folder, "__mismatch__", name + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(mismatch)!);
        File.WriteAllText(mismatch, actualText);
        Assert.Fail($"{problems.Count} difference(s) from {snapshotPath} (actual file: {mismatch}):\n" + string.Join("\n", problems));
    }

    /// <summary>Every difference between snapshot and actual, one line each.</summary>
    public static List<string> Compare(JsonNode? snapshot, JsonNode? actual)
    {
        var expected = Leaves(snapshot);
        var found = Leaves(actual);
        var problems = new List<string>();
        foreach (var path in expected.Keys.Except(found.Keys)) problems.Add($"  {path}: in the snapshot, missing now");
        foreach (var path in found.Keys.Except(expected.Keys)) problems.Add($"  {path}: new, not in the snapshot");
        foreach (var (path, was) in expected)
        {
            if (!found.TryGetValue(path, out var now)) continue;
            if (Number(was) is { } a && Number(now) is { } b)
            {
                var tolerance = MetricTolerances.For(path);
                var delta = Math.Abs(a - b);
                if (delta > tolerance + 1e-12)
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"  {path}: snapshot {a}, now {b}, |Δ| {delta:G4} > tolerance {tolerance} ({MetricTolerances.Family(path)})"));
            }
            else if (Text(was) != Text(now)) problems.Add($"  {path}: snapshot {Text(was)}, now {Text(now)}");
        }
        return problems;
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    /// <summary>Leaf values by path ("a.b[2].c"); empty objects and arrays count as leaves.</summary>
    private static Dictionary<string, JsonNode?> Leaves(JsonNode? node)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        void Walk(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o when o.Count > 0:
                    foreach (var (key, value) in o) Walk(value, path.Length == 0 ? key : $"{path}.{key}");
                    break;
                case JsonArray a when a.Count > 0:
                    for (var i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]");
                    break;
                default:
                    leaves[path] = n;
                    break;
            }
        }
        Walk(node, "");
        return leaves;
    }
}
