using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine;

/// <summary>A key of params.yaml (or of a --set) with the node that holds its value and where it was written.</summary>
internal sealed record RawParam(string Key, YamlNode Node, string Location);

/// <summary>params.yaml read with its line/column positions, flattened to dotted keys (mappings included).</summary>
internal static class ParamsDocument
{
    public static List<RawParam> Load(string path, string displayPath)
    {
        if (!File.Exists(path)) throw new UsageException($"{displayPath}: params file not found");
        return Parse(File.ReadAllText(path), displayPath);
    }

    /// <summary>The entries of a params document's text (e.g. as committed at a git revision).</summary>
    public static List<RawParam> Parse(string text, string displayPath)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e)
        {
            if (TabIndents(text, displayPath) is { Count: > 0 } tabs) throw new UsageException(tabs);
            throw new UsageException($"{displayPath}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {Innermost(e).Message}");
        }
        catch (InvalidOperationException e) // YamlDotNet's scanner throws this on some malformed input
        {
            throw new UsageException($"{displayPath}: not valid YAML ({e.Message})");
        }
        var entries = new List<RawParam>();
        if (stream.Documents.Count == 0) return entries;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new UsageException($"{displayPath}:1:1: expected a mapping of params keys at the top level");
        Flatten(root, "", displayPath, entries);
        return entries;
    }

    /// <summary>Parses the value of <c>--set key=value</c> as YAML (a scalar, or a flow list like [1, 2]).</summary>
    public static RawParam FromSet(string assignment)
    {
        var eq = assignment.IndexOf('=');
        if (eq <= 0) throw new UsageException($"--set expects key=value, got '{assignment}'");
        var key = assignment[..eq].Trim();
        var text = assignment[(eq + 1)..];
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            throw new UsageException($"--set {assignment}: not a valid value: {Innermost(e).Message}");
        }
        YamlNode node = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : new YamlScalarNode("") { Style = ScalarStyle.SingleQuoted };
        return new RawParam(key, node, $"--set {assignment}");
    }

    private static void Flatten(YamlMappingNode node, string prefix, string file, List<RawParam> into)
    {
        foreach (var (keyNode, value) in node.Children)
        {
            var key = prefix + ((keyNode as YamlScalarNode)?.Value ?? keyNode.ToString());
            into.Add(new RawParam(key, value, $"{file}:{keyNode.Start.Line}:{keyNode.Start.Column}"));
            if (value is YamlMappingNode child) Flatten(child, key + ".", file, into);
        }
    }

    /// <summary>Lines indented with a tab: YamlDotNet reports them at a position after the previous token (often 1:1 or
    /// the end of the line before), so name the tab's own line instead.</summary>
    private static List<string> TabIndents(string text, string displayPath)
    {
        var lines = text.Split('\n');
        var problems = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].IndexOf('\t', 0, indent) is var tab and >= 0)
                problems.Add($"{displayPath}:{i + 1}:{tab + 1}: not valid YAML: a tab character indents this line; YAML indents with spaces only");
        }
        return problems;
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
