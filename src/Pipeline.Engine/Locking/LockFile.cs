using System.Globalization;
using System.Text;

namespace Pipeline.Engine.Locking;

/// <summary>
/// pipeline.lock: YAML in a stable order (stages, then keys sorted), one line per dependency and output, no
/// absolute paths and no times, so it reads well in a diff. Its last line is a checksum of everything above it, so a
/// truncated, hand-edited or badly merged lock is reported instead of trusted (see <see cref="LockFileReader"/>).
/// Written atomically.
/// </summary>
internal sealed class LockFile
{
    public const int Version = 2;
    public const string ChecksumPrefix = "# checksum xxh128 ";
    private readonly SortedDictionary<string, LockEntry> _stages = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, LockEntry> Stages => _stages;

    /// <summary>The version the file was read as (1 = an older lock without checksum or folder hashes).</summary>
    public int ReadVersion { get; init; } = Version;

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

    /// <summary>Reads pipeline.lock (an absent file is an empty lock); a damaged one is a <see cref="UsageException"/> saying so.</summary>
    public static LockFile Load(string path, string displayPath) => LockFileReader.Load(path, displayPath);

    public void Save(string path) => AtomicFile.WriteAllText(path, ToYaml());

    public string ToYaml()
    {
        var text = new StringBuilder();
        text.Append("# pipeline.lock: what each stage's last successful run was made from (written by the pipeline engine;\n");
        text.Append("# the last line is a checksum of the rest: do not edit by hand, `./build.sh --repair-lock` rebuilds it)\n");
        text.Append("version: ").Append(Version).Append('\n');
        text.Append("stages:").Append(_stages.Count == 0 ? " {}\n" : "\n");
        foreach (var (id, e) in _stages) AppendEntry(text, id, e);
        return WithChecksum(text.ToString());
    }

    /// <summary>One entry as the lines of a lock (also kept beside a run-cache entry, so --repair-lock can restore it).</summary>
    public static void AppendEntry(StringBuilder text, string id, LockEntry e)
    {
        text.Append("  ").Append(YamlText.Key(id)).Append(":\n");
        text.Append("    command: ").Append(YamlText.Scalar(e.Command)).Append('\n');
        text.Append("    fingerprint: ").Append(YamlText.Scalar(e.Fingerprint)).Append('\n');
        if (e.Machine.Length > 0) text.Append("    machine: ").Append(YamlText.Scalar(e.Machine)).Append('\n');
        Section(text, "code", e.Code, v => YamlText.Scalar(v));
        Section(text, "deps", e.Dependencies, d => $"{{path: {YamlText.Scalar(d.Path)}, hash: {YamlText.Scalar(d.Hash)}}}");
        Section(text, "params", e.Params, v => YamlText.Key(v));
        Section(text, "env", e.Environment, v => YamlText.Scalar(v));
        Section(text, "outputs", e.Outputs, o => $"{{hash: {YamlText.Scalar(o.Hash)}, size: {Number(o.Size)}}}");
        if (e.Folder is { } f)
            text.Append("    folder: {hash: ").Append(YamlText.Scalar(f.Hash)).Append(", size: ").Append(Number(f.Size))
                .Append(", files: ").Append(Number(f.Files)).Append("}\n");
    }

    /// <summary>The text with its checksum line appended: the XxHash128 of the text (line endings normalised to \n).</summary>
    public static string WithChecksum(string body) => body + ChecksumPrefix + Checksum(body) + "\n";

    public static string Checksum(string body) => Hashing.Hex.OfText(body.Replace("\r\n", "\n"));

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Section<T>(StringBuilder text, string name, IReadOnlyDictionary<string, T> items, Func<T, string> format)
    {
        text.Append("    ").Append(name).Append(':').Append(items.Count == 0 ? " {}\n" : "\n");
        foreach (var (key, value) in items.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append("      ").Append(YamlText.Key(key)).Append(": ").Append(format(value)).Append('\n');
    }
}
