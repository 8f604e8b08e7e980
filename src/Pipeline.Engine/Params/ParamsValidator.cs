using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine;

/// <summary>Checks params entries against the schema and collects every problem (unknown key with a suggestion,
/// wrong type, out of range, not allowed, missing required key), each with its file:line:column.</summary>
internal static class ParamsValidator
{
    public static ParamValues Validate(IReadOnlyList<ParamSpec> schema, IReadOnlyList<RawParam> entries, string fileForMissing)
    {
        var specs = schema.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var problems = new List<string>();
        var values = new Dictionary<string, ParamValue>(StringComparer.Ordinal);
        var unknownPrefixes = new List<string>();
        var latest = new Dictionary<string, RawParam>(StringComparer.Ordinal);
        foreach (var entry in entries) latest[entry.Key] = entry;

        foreach (var entry in latest.Values)
        {
            if (unknownPrefixes.Any(p => entry.Key.StartsWith(p + ".", StringComparison.Ordinal))) continue;
            if (specs.TryGetValue(entry.Key, out var spec))
            {
                var value = Convert(spec, entry, problems);
                if (value is not null) values[entry.Key] = value;
                continue;
            }
            var isGroup = schema.Any(s => s.Key.StartsWith(entry.Key + ".", StringComparison.Ordinal));
            if (isGroup)
            {
                if (entry.Node is not YamlMappingNode)
                    problems.Add($"{entry.Location}: '{entry.Key}' is a group of params; expected a mapping");
                continue;
            }
            unknownPrefixes.Add(entry.Key);
            problems.Add($"{entry.Location}: unknown params key '{entry.Key}'{EditDistance.Suggest(entry.Key, specs.Keys)}");
        }

        foreach (var spec in schema.Where(s => s.Required && !latest.ContainsKey(s.Key)))
            problems.Add($"{fileForMissing}: missing required params key '{spec.Key}' ({spec.Expected()}: {spec.Description})");

        if (problems.Count > 0) throw new UsageException(problems);
        return new ParamValues(values);
    }

    /// <summary>The values of every entry the schema knows and that converts, ignoring every problem: what an older
    /// params file (a git revision's, an experiment's baseline) says under today's schema.</summary>
    public static ParamValues Lenient(IReadOnlyList<ParamSpec> schema, IReadOnlyList<RawParam> entries)
    {
        var specs = schema.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var latest = new Dictionary<string, RawParam>(StringComparer.Ordinal);
        foreach (var entry in entries) latest[entry.Key] = entry;
        var values = new Dictionary<string, ParamValue>(StringComparer.Ordinal);
        var ignored = new List<string>();
        foreach (var (key, entry) in latest)
            if (specs.TryGetValue(key, out var spec) && Convert(spec, entry, ignored) is { } value) values[key] = value;
        return new ParamValues(values);
    }

    /// <summary>Runs the build's cross-key checks whose keys all have values; each problem at the first key's
    /// file:line (the --set that gave it, if any). A check naming a key the schema lacks is a build-definition problem.</summary>
    public static IEnumerable<string> Check(IReadOnlyList<ParamCheck> checks, IReadOnlyList<ParamSpec> schema, ParamValues values,
        IReadOnlyList<RawParam> entries, string file)
    {
        var location = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries) location[entry.Key] = entry.Location;
        foreach (var check in checks)
        {
            var unknown = check.Keys.Where(k => schema.All(s => s.Key != k)).ToList();
            if (unknown.Count > 0)
            {
                yield return $"build definition: a params check names {string.Join(", ", unknown.Select(k => $"'{k}'"))}, which the params schema does not declare";
                continue;
            }
            if (!check.Keys.All(values.Has)) continue;
            var at = location.GetValueOrDefault(check.Keys[0], file);
            foreach (var problem in check.Problems(values)) yield return $"{at}: {problem}";
        }
    }

    private static ParamValue? Convert(ParamSpec spec, RawParam entry, List<string> problems)
    {
        var before = problems.Count;
        object? value;
        if (spec.Type.IsList())
        {
            if (entry.Node is not YamlSequenceNode sequence)
            {
                problems.Add($"{entry.Location}: '{entry.Key}' must be {spec.Expected()}, got {Show(entry.Node)}");
                return null;
            }
            var items = new List<object>();
            foreach (var item in sequence.Children)
                if (Scalar(spec, spec.Type.ElementType(), item, entry, problems) is { } element) items.Add(element);
            value = items;
        }
        else value = Scalar(spec, spec.Type, entry.Node, entry, problems);
        return problems.Count == before && value is not null ? new ParamValue(spec.Type, value) : null;
    }

    private static object? Scalar(ParamSpec spec, ParamType type, YamlNode node, RawParam entry, List<string> problems)
    {
        string Bad(string why) => $"{entry.Location}: '{entry.Key}' {why}";
        if (node is not YamlScalarNode { Value: { } text } scalar || (text.Length == 0 && scalar.Style == ScalarStyle.Plain && type != ParamType.String))
        {
            problems.Add(Bad($"must be {spec.Expected()}, got {Show(node)}"));
            return null;
        }
        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        switch (type)
        {
            case ParamType.Int:
                if (quoted || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                { problems.Add(Bad($"must be {spec.Expected()}, got '{text}'")); return null; }
                return InRange(l, spec, text, Bad, problems) ? l : null;
            case ParamType.Double:
                if (quoted || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                { problems.Add(Bad($"must be {spec.Expected()}, got '{text}'")); return null; }
                return InRange(d, spec, text, Bad, problems) ? d : null;
            case ParamType.Bool:
                if (quoted || text is not ("true" or "false"))
                { problems.Add(Bad($"must be true or false, got '{text}'")); return null; }
                return text == "true";
            case ParamType.Choice:
                if (!spec.Allowed.Contains(text))
                { problems.Add(Bad($"must be one of {string.Join(", ", spec.Allowed)}, got '{text}'{EditDistance.Suggest(text, spec.Allowed)}")); return null; }
                return text;
            default:
                return text;
        }
    }

    private static bool InRange(double value, ParamSpec spec, string text, Func<string, string> bad, List<string> problems)
    {
        if ((spec.Min is { } lo && value < lo) || (spec.Max is { } hi && value > hi))
        {
            problems.Add(bad($"is out of range: {text} (expected {spec.Expected()})"));
            return false;
        }
        return true;
    }

    private static string Show(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an unexpected node",
    };
}
