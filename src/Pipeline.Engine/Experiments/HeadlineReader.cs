using System.Globalization;
using System.Text.Json;

namespace Pipeline.Engine.Experiments;

/// <summary>One headline column's value in one experiment: the number as the metrics file wrote it, and its interval.</summary>
internal sealed record HeadlineValue(string Label, string Text, string? Low, string? High)
{
    public string Shown => Low is null ? Text : $"{Text} [{Low}, {High}]";
}

/// <summary>Reads the declared headline metrics out of an experiment's metrics copies (JSON).</summary>
internal static class HeadlineReader
{
    /// <summary>Every column a declaration yields in the metrics kept under <paramref name="root"/> (its * expanded);
    /// a missing or unreadable file or path yields nothing.</summary>
    public static List<HeadlineValue> Read(HeadlineMetric headline, string root)
    {
        var file = Path.Combine(root, headline.File);
        if (!File.Exists(file)) return [];
        JsonDocument document;
        try { document = JsonDocument.Parse(File.ReadAllText(file)); }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException) { return []; }
        using (document)
        {
            var values = new List<HeadlineValue>();
            foreach (var (element, matched) in Resolve(document.RootElement, headline.Path.Split('.'), []))
            {
                if (element.ValueKind is JsonValueKind.Object or JsonValueKind.Array) continue;
                var label = headline.Label is { } l ? Fill(l, matched) : Fill(headline.Path, matched);
                string? low = null, high = null;
                if (headline.Ci is { } ci && Resolve(document.RootElement, Fill(ci, matched).Split('.'), []).FirstOrDefault().Element is
                    { ValueKind: JsonValueKind.Array } pair && pair.GetArrayLength() == 2)
                {
                    low = Text(pair[0]);
                    high = Text(pair[1]);
                }
                values.Add(new HeadlineValue(label, Text(element), low, high));
            }
            return values;
        }
    }

    private static IEnumerable<(JsonElement Element, List<string> Matched)> Resolve(JsonElement node, string[] segments, List<string> matched)
    {
        if (segments.Length == 0) { yield return (node, matched); yield break; }
        var (head, rest) = (segments[0], segments[1..]);
        if (head == "*")
        {
            if (node.ValueKind == JsonValueKind.Object)
                foreach (var property in node.EnumerateObject())
                    foreach (var hit in Resolve(property.Value, rest, [.. matched, property.Name])) yield return hit;
            else if (node.ValueKind == JsonValueKind.Array)
                for (var i = 0; i < node.GetArrayLength(); i++)
                    foreach (var hit in Resolve(node[i], rest, [.. matched, i.ToString(CultureInfo.InvariantCulture)])) yield return hit;
            yield break;
        }
        if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(head, out var child))
            foreach (var hit in Resolve(child, rest, matched)) yield return hit;
        else if (node.ValueKind == JsonValueKind.Array && int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < node.GetArrayLength())
            foreach (var hit in Resolve(node[index], rest, matched)) yield return hit;
    }

    private static string Fill(string pattern, IReadOnlyList<string> matched)
    {
        var parts = pattern.Split('*');
        var text = new System.Text.StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i++) text.Append(i - 1 < matched.Count ? matched[i - 1] : "*").Append(parts[i]);
        return text.ToString();
    }

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Null => "—",
        _ => e.GetRawText(),
    };
}
