using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine.Locking;

/// <summary>
/// pipeline.lock: YAML in a stable order (stages, then keys sorted), one line per dependency and output, no
/// absolute paths and no times, so it reads well in a diff. Written atomically.
/// </summary>
internal sealed class LockFile
{
    private const int Version = 1;
    private readonly SortedDictionary<string, LockEntry> _stages = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, LockEntry> Stages => _stages;

    public LockEntry? this[string id] => _stages.GetValueOrDefault(id);

    public void Set(string id, LockEntry entry) => _stages[id] = entry;

    /// <summary>Drops entries of stages that no longer exist and of matrix instances no longer in their matrix.</summary>
    public bool Prune(IReadOnlySet<string> stageNames, IReadOnlySet<string> expandedMatrixStages, IReadOnlySet<string> currentIds)
    {
        var gone = _stages.Keys.Where(id =>
        {
            var stage = id.Split('/')[0];
            return !stageNames.Contains(stage) || (expandedMatrixStages.Contains(stage) && !currentIds.Contains(id));
        }).ToList();
        foreach (var id in gone) _stages.Remove(id);
        return gone.Count > 0;
    }

    public static LockFile Load(string path, string displayPath)
    {
        var lockFile = new LockFile();
        if (!File.Exists(path)) return lockFile;
        try
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(path)) stream.Load(reader);
            if (stream.Documents.Count == 0) return lockFile;
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            if (root.Children.TryGetValue("stages", out var stagesNode) && stagesNode is YamlMappingNode stages)
                foreach (var (key, value) in stages.Children)
                    lockFile._stages[Text(key)] = ReadEntry((YamlMappingNode)value);
            return lockFile;
        }
        catch (Exception e) when (e is YamlException or InvalidCastException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            var at = e is YamlException y ? $":{y.Start.Line}:{y.Start.Column}" : "";
            throw new UsageException($"{displayPath}{at}: cannot read the lock file ({e.Message}); fix it (e.g. a merge conflict) or delete it to rerun every stage");
        }
    }

    public void Save(string path) => AtomicFile.WriteAllText(path, ToYaml());

    public string ToYaml()
    {
        var text = new StringBuilder();
        text.Append("# pipeline.lock: what each stage's last successful run was made from (written by the pipeline engine)\n");
        text.Append("version: ").Append(Version).Append('\n');
        text.Append("stages:").Append(_stages.Count == 0 ? " {}\n" : "\n");
        foreach (var (id, e) in _stages)
        {
            text.Append("  ").Append(YamlText.Key(id)).Append(":\n");
            text.Append("    command: ").Append(YamlText.Scalar(e.Command)).Append('\n');
            text.Append("    fingerprint: ").Append(YamlText.Scalar(e.Fingerprint)).Append('\n');
            if (e.Machine.Length > 0) text.Append("    machine: ").Append(YamlText.Scalar(e.Machine)).Append('\n');
            Section(text, "code", e.Code, v => YamlText.Scalar(v));
            Section(text, "deps", e.Dependencies, d => $"{{path: {YamlText.Scalar(d.Path)}, hash: {YamlText.Scalar(d.Hash)}}}");
            Section(text, "params", e.Params, v => YamlText.Key(v));
            Section(text, "env", e.Environment, v => YamlText.Scalar(v));
            Section(text, "outputs", e.Outputs, o => $"{{hash: {YamlText.Scalar(o.Hash)}, size: {o.Size.ToString(CultureInfo.InvariantCulture)}}}");
        }
        return text.ToString();
    }

    private static void Section<T>(StringBuilder text, string name, IReadOnlyDictionary<string, T> items, Func<T, string> format)
    {
        text.Append("    ").Append(name).Append(':').Append(items.Count == 0 ? " {}\n" : "\n");
        foreach (var (key, value) in items.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append("      ").Append(YamlText.Key(key)).Append(": ").Append(format(value)).Append('\n');
    }

    private static LockEntry ReadEntry(YamlMappingNode node)
    {
        YamlMappingNode Map(string key) => node.Children.TryGetValue(key, out var v) && v is YamlMappingNode m ? m : new YamlMappingNode();
        Dictionary<string, T> Read<T>(string key, Func<YamlNode, T> convert) =>
            Map(key).Children.ToDictionary(p => Text(p.Key), p => convert(p.Value), StringComparer.Ordinal);
        return new LockEntry(
            Text(node["command"]),
            Text(node["fingerprint"]),
            Read("code", Text),
            Read("deps", d => new LockDependency(Text(d["path"]), Text(d["hash"]))),
            Read("params", ParamText),
            Read("env", Text),
            Read("outputs", o => new LockOutput(Text(o["hash"]), long.Parse(Text(o["size"]), CultureInfo.InvariantCulture))),
            node.Children.TryGetValue("machine", out var machine) ? Text(machine) : "");
    }

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    /// <summary>A params value as written: scalars read back verbatim (values are stored in canonical form).</summary>
    private static string ParamText(YamlNode node) => node is YamlSequenceNode s
        ? "[" + string.Join(", ", s.Children.Select(Text)) + "]"
        : Text(node);
}
