using System.Text;

namespace Pipeline.Engine.Execution;

/// <summary>Writes the params file a stage receives: only its keys, nested as in params.yaml, sorted.</summary>
internal static class ResolvedParams
{
    public static string ToYaml(IReadOnlyDictionary<string, ParamValue> values)
    {
        var text = new StringBuilder();
        string[] previous = [];
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var parts = key.Split('.');
            var common = 0;
            while (common < parts.Length - 1 && common < previous.Length - 1 && parts[common] == previous[common]) common++;
            for (var depth = common; depth < parts.Length - 1; depth++)
                text.Append(' ', depth * 2).Append(YamlText.Key(parts[depth])).Append(":\n");
            text.Append(' ', (parts.Length - 1) * 2).Append(YamlText.Key(parts[^1])).Append(": ").Append(value.Canonical).Append('\n');
            previous = parts;
        }
        return text.Length == 0 ? "{}\n" : text.ToString();
    }
}
