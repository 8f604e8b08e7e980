using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine.Locking;

/// <summary>
/// Reads pipeline.lock and proves it whole before anything trusts it: the checksum line must match the content, the
/// version must be one this engine writes (2) or reads (1, older locks without checksum), and every entry must have
/// every field with the right shape. Anything else is "damaged" (exit 2) — never silently trusted, never silently
/// treated as empty.
/// </summary>
internal static class LockFileReader
{
    public static LockFile Load(string path, string displayPath)
    {
        if (Directory.Exists(path)) throw Damaged(displayPath, "it is a folder, not a file");
        if (!File.Exists(path)) return new LockFile();
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{displayPath}: cannot be read ({e.Message}); check its permissions");
        }
        return Parse(text, displayPath);
    }

    public static LockFile Parse(string text, string displayPath)
    {
        if (string.IsNullOrWhiteSpace(text)) throw Damaged(displayPath, "the file is empty");
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode m
                ? m
                : throw Damaged(displayPath, "it holds no mapping of version and stages");
        }
        catch (YamlException e)
        {
            throw Damaged(displayPath, $"not valid YAML at line {e.Start.Line} ({Innermost(e).Message}), e.g. a merge conflict");
        }
        var version = root.Children.TryGetValue("version", out var v) && v is YamlScalarNode { Value: { } vs } ? vs : null;
        if (version is null) throw Damaged(displayPath, "it has no version line");
        if (version is not ("1" or "2")) throw Damaged(displayPath, $"unknown version {version} (this engine reads versions 1 and 2)");
        if (version == "2") VerifyChecksum(text, displayPath);
        var lockFile = new LockFile { ReadVersion = int.Parse(version, CultureInfo.InvariantCulture) };
        if (!root.Children.TryGetValue("stages", out var stagesNode) || stagesNode is not YamlMappingNode stages)
            throw Damaged(displayPath, "it has no 'stages' mapping");
        foreach (var (key, value) in stages.Children)
        {
            var id = ((YamlScalarNode)key).Value ?? "";
            try { lockFile.Set(id, ReadEntry(value, version2: version == "2")); }
            catch (FormatException e) { throw Damaged(displayPath, $"entry {id}: {e.Message}"); }
        }
        return lockFile;
    }

    private static void VerifyChecksum(string text, string displayPath)
    {
        var normalized = text.Replace("\r\n", "\n");
        var body = normalized.TrimEnd('\n');
        var cut = body.LastIndexOf('\n');
        var last = body[(cut + 1)..];
        if (!last.StartsWith(LockFile.ChecksumPrefix, StringComparison.Ordinal))
            throw Damaged(displayPath, "its last line is not its checksum (the file was truncated or edited)");
        if (LockFile.Checksum(normalized[..(cut + 1)]) != last[LockFile.ChecksumPrefix.Length..].Trim())
            throw Damaged(displayPath, "its checksum does not match its content (edited by hand, truncated or merged)");
    }

    public static UsageException Damaged(string displayPath, string why) =>
        new($"{displayPath} is damaged: {why}; `./build.sh --repair-lock` rebuilds it from out/ and the run cache, or delete it to rerun every stage");

    /// <summary>One entry; every field must be there with its shape ('env' since version 2). 'folder' may be absent: an
    /// entry carried over from a version-1 lock whose folder hash the run cache did not know.</summary>
    private static LockEntry ReadEntry(YamlNode node, bool version2)
    {
        var map = node as YamlMappingNode ?? throw new FormatException("expected a mapping");
        YamlMappingNode Section(string key, bool required = true) =>
            map.Children.TryGetValue(key, out var value)
                ? value as YamlMappingNode ?? throw new FormatException($"'{key}' must be a mapping")
                : required ? throw new FormatException($"'{key}' is missing") : new YamlMappingNode();
        Dictionary<string, T> Read<T>(string key, Func<YamlNode, T> convert, bool required = true) =>
            Section(key, required).Children.ToDictionary(p => Text(p.Key, key), p => convert(p.Value), StringComparer.Ordinal);
        string Field(string key) => map.Children.TryGetValue(key, out var value) ? Text(value, key) : throw new FormatException($"'{key}' is missing");
        return new LockEntry(
            Field("command"),
            Field("fingerprint"),
            Read("code", n => Text(n, "code")),
            Read("deps", d => new LockDependency(Text(Item(d, "path"), "deps"), Text(Item(d, "hash"), "deps"))),
            Read("params", ParamText),
            Read("env", n => Text(n, "env"), required: version2),
            Read("outputs", o => new LockOutput(Text(Item(o, "hash"), "outputs"), Long(Item(o, "size"), "outputs"))),
            map.Children.TryGetValue("machine", out var machine) ? Text(machine, "machine") : "",
            map.Children.TryGetValue("folder", out var folder) ? Folder(folder) : null);
    }

    private static LockFolder Folder(YamlNode node) =>
        new(Text(Item(node, "hash"), "folder"), Long(Item(node, "size"), "folder"), (int)Long(Item(node, "files"), "folder"));

    private static YamlNode Item(YamlNode node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(key, out var value) ? value : throw new FormatException($"'{key}' is missing");

    private static string Text(YamlNode node, string where) =>
        node is YamlScalarNode s ? s.Value ?? "" : throw new FormatException($"'{where}' holds a {node.NodeType} where a value was expected");

    private static long Long(YamlNode node, string where) =>
        long.TryParse(Text(node, where), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"'{where}' has a size that is not a number");

    /// <summary>A params value as written: scalars read back verbatim (values are stored in canonical form).</summary>
    private static string ParamText(YamlNode node) => node is YamlSequenceNode s
        ? "[" + string.Join(", ", s.Children.Select(c => Text(c, "params"))) + "]"
        : Text(node, "params");

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
