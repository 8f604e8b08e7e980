using System.Globalization;
using Pipeline.Engine.Execution;
using Spectre.Console;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine.Cli;

/// <summary>ParamsDiff / MetricsDiff against a git revision (`git show rev:path`), printed as DVC does:
/// path, key, old, new, and the change for numbers. Only changed values are listed.</summary>
internal sealed class DiffCommands(Workspace workspace, IAnsiConsole console)
{
    public int ParamsDiff(string paramsPath, string revision)
    {
        var rows = Compare(Flatten(GitShow(revision, paramsPath)), Flatten(Read(paramsPath)));
        return Print("Path", rows.Select(r => (paramsPath, r)).ToList(), revision);
    }

    public int MetricsDiff(PipelineModel model, string revision)
    {
        var rows = new List<(string, Row)>();
        foreach (var stage in model.Stages)
        {
            var files = Directory.Exists(workspace.Full($"metrics/{stage.Name}"))
                ? Directory.EnumerateFiles(workspace.Full($"metrics/{stage.Name}"), "*", SearchOption.AllDirectories).Select(workspace.Relative)
                : [];
            foreach (var file in files.Union(GitList(revision, $"metrics/{stage.Name}")).Order(StringComparer.Ordinal))
                rows.AddRange(Compare(Flatten(GitShow(revision, file)), Flatten(Read(file)), numbersOnly: true).Select(r => (file, r)));
        }
        return Print("Path", rows, revision);
    }

    internal sealed record Row(string Key, string? Old, string? New, string Change);

    internal static List<Row> Compare(IReadOnlyDictionary<string, string> old, IReadOnlyDictionary<string, string> now, bool numbersOnly = false)
    {
        var rows = new List<Row>();
        foreach (var key in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var (a, b) = (old.GetValueOrDefault(key), now.GetValueOrDefault(key));
            if (a == b) continue;
            var isNumber = double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var nb);
            if (numbersOnly && !isNumber && !double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue;
            var change = isNumber && double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var na)
                ? (nb - na).ToString("+0.#####;-0.#####;0", CultureInfo.InvariantCulture)
                : "—";
            rows.Add(new Row(key, a, b, change));
        }
        return rows;
    }

    private int Print(string pathHeader, List<(string Path, Row Row)> rows, string revision)
    {
        if (rows.Count == 0) { console.WriteLine($"no changes against {revision}"); return Engine.Ok; }
        var table = new Table().Border(TableBorder.Simple).AddColumns(pathHeader, "Key", revision, "workspace", "Change");
        foreach (var (path, r) in rows)
            table.AddRow(Markup.Escape(path), Markup.Escape(r.Key), Markup.Escape(r.Old ?? "—"), Markup.Escape(r.New ?? "—"), Markup.Escape(r.Change));
        console.Write(table);
        return Engine.Ok;
    }

    private string? Read(string relative) => File.Exists(workspace.Full(relative)) ? File.ReadAllText(workspace.Full(relative)) : null;

    /// <summary>Scalars of a YAML/JSON document by dotted key (list items as key.0, key.1 ...).</summary>
    internal static Dictionary<string, string> Flatten(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return result;
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException) { return result; }
        void Walk(YamlNode node, string prefix)
        {
            switch (node)
            {
                case YamlMappingNode m:
                    foreach (var (k, v) in m.Children) Walk(v, prefix.Length == 0 ? ((YamlScalarNode)k).Value! : $"{prefix}.{((YamlScalarNode)k).Value}");
                    break;
                case YamlSequenceNode s:
                    for (var i = 0; i < s.Children.Count; i++) Walk(s.Children[i], $"{prefix}.{i}");
                    break;
                case YamlScalarNode v:
                    result[prefix] = v.Value ?? "";
                    break;
            }
        }
        if (stream.Documents.Count > 0) Walk(stream.Documents[0].RootNode, "");
        return result;
    }

    private string? GitShow(string revision, string relative) => RunGit(["show", $"{revision}:./{relative}"]) is (0, var text) ? text : null;

    private IEnumerable<string> GitList(string revision, string folder)
    {
        var (exit, output) = RunGit(["ls-tree", "-r", "--name-only", "--full-name", revision, "--", folder]);
        if (exit != 0) return [];
        var (_, prefix) = RunGit(["rev-parse", "--show-prefix"]);
        var p = prefix.Trim();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.StartsWith(p, StringComparison.Ordinal) ? l[p.Length..] : l);
    }

    private (int Exit, string Output) RunGit(string[] args)
    {
        var result = Git.Run(workspace.Root, args);
        return result.Exit == Git.Missing ? throw new UsageException("git is not on PATH; ParamsDiff and MetricsDiff need it") : result;
    }
}
