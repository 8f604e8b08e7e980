using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MriTransfer.Reporting;

/// <summary>
/// One arm's training budget as the report prints it, from its training.json keys <c>steps</c>, <c>epochs</c>, <c>lr</c>
/// (a number, a list, or an object of named rates) and <c>encoder_relative_change</c>; "—" for a key or a file the arm
/// does not have, so the report reads arms written before the keys existed.
/// </summary>
public sealed record TrainingBudget(string Arm, string Steps, string Epochs, string LearningRates, string EncoderRelativeChange)
{
    public const string Absent = "—";

    public static TrainingBudget Read(string arm, string? stageDir)
    {
        var path = stageDir is null ? null : Path.Combine(stageDir, "training.json");
        if (path is null || !File.Exists(path)) return new(arm, Absent, Absent, Absent, Absent);
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new ReportInputException($"{path}: not valid JSON: {e.Message}"); }
        return new(arm, Render(root?["steps"]), Render(root?["epochs"]), Render(root?["lr"]), Render(root?["encoder_relative_change"], "0.####"));
    }

    private static string Render(JsonNode? node, string format = "G3") => node switch
    {
        null => Absent,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(format, CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a => a.Count == 0 ? Absent : string.Join(", ", a.Select(x => Render(x, format))),
        JsonObject o => o.Count == 0 ? Absent : string.Join(", ", o.Select(kv => $"{kv.Key} {Render(kv.Value, format)}")),
        _ => node.ToJsonString(),
    };
}
