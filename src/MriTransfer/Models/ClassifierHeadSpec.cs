using System.Text.Json.Nodes;

namespace MriTransfer.Models;

/// <summary>The classifier head after global average pooling: batch norm → dropout → hidden layers (with the encoder's activation) → classes.</summary>
public sealed record ClassifierHeadSpec
{
    private ClassifierHeadSpec(IReadOnlyList<int> hidden, double dropout, int classes)
    {
        Hidden = hidden;
        Dropout = dropout;
        Classes = classes;
    }

    public IReadOnlyList<int> Hidden { get; }
    public double Dropout { get; }
    public int Classes { get; }

    public static ClassifierHeadSpec Create(IReadOnlyList<int> hidden, double dropout, int classes)
    {
        var problems = new List<string>();
        if (hidden.Count > 4) problems.Add($"model.head_hidden lists at most 4 hidden layer sizes, got {hidden.Count}");
        if (classes < 2) problems.Add($"a classifier needs at least 2 classes, got {classes}");
        if (problems.Count > 0) throw new ModelConfigurationException(problems);
        return new ClassifierHeadSpec(hidden.ToArray(), dropout, classes);
    }

    public JsonObject ToJson() => new()
    {
        ["hidden"] = new JsonArray(Hidden.Select(h => (JsonNode)h).ToArray()),
        ["dropout"] = Dropout,
        ["classes"] = Classes,
    };

    public static ClassifierHeadSpec FromJson(JsonNode node) =>
        Create(node["hidden"]!.AsArray().Select(h => (int)h!).ToArray(), (double)node["dropout"]!, (int)node["classes"]!);

    public bool Equals(ClassifierHeadSpec? other) =>
        other is not null && Hidden.SequenceEqual(other.Hidden) && Dropout.Equals(other.Dropout) && Classes == other.Classes;

    public override int GetHashCode() => HashCode.Combine(Hidden.Count, Dropout, Classes);
}
