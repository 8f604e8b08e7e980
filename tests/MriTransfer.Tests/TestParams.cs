using System.Collections;
using System.Globalization;
using Pipeline.StageKit;
using YamlDotNet.RepresentationModel;

namespace MriTransfer.Tests;

/// <summary>
/// This repository's params.yaml with a test's overrides (dotted keys), read by the stages' own binder: tests take
/// their settings from the one source of values and say only what they change.
/// </summary>
public static class TestParams
{
    public static StageParams Load(IReadOnlyDictionary<string, object>? overrides = null)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(RepositoryFiles.PathOf("params.yaml"))) stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var (key, value) in overrides ?? new Dictionary<string, object>()) Set(root, key.Split('.'), value);
        var text = new StringWriter();
        stream.Save(text, assignAnchors: false);
        return StageParams.FromYaml(text.ToString());
    }

    private static void Set(YamlMappingNode node, string[] path, object value)
    {
        for (var i = 0; i < path.Length - 1; i++)
        {
            var name = new YamlScalarNode(path[i]);
            if (!node.Children.TryGetValue(name, out var child)) node.Children[name] = child = new YamlMappingNode();
            node = (YamlMappingNode)child;
        }
        node.Children[new YamlScalarNode(path[^1])] = value is IEnumerable items and not string
            ? new YamlSequenceNode(items.Cast<object>().Select(v => (YamlNode)new YamlScalarNode(Text(v))))
            : new YamlScalarNode(Text(value));
    }

    private static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
