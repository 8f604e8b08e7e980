using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Pipeline.Engine.Hashing;

/// <summary>
/// Persistent map path → (size, mtime, inode, hashes) so unchanged files are never re-read.
/// Stored as a tab-separated file under .pipeline/. A corrupt file is a warning and an empty cache, never a crash.
/// </summary>
internal sealed class StatCache
{
    private const string Header = "pipeline-statcache v1";
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly string _file;
    private volatile bool _dirty;

    private sealed record Entry(FileStat Stat, string? Content, string? Syntax);

    private readonly Action<string> _warn;
    private bool _disabled;

    private StatCache(string file, Action<string> warn) { _file = file; _warn = warn; }

    public static StatCache Load(string file, Action<string> warn)
    {
        var cache = new StatCache(file, warn);
        if (Directory.Exists(file))
        {
            warn($"stat cache {file} is a folder, not a file; hashing without a stat cache this run (delete that folder to keep one)");
            cache._disabled = true;
            return cache;
        }
        if (!File.Exists(file)) return cache;
        try
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            if (reader.ReadLine() != Header) throw new FormatException("unknown header");
            while (reader.ReadLine() is { } line)
            {
                var f = line.Split('\t');
                if (f.Length != 6) throw new FormatException($"bad line '{line}'");
                var stat = new FileStat(long.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[2], CultureInfo.InvariantCulture),
                    ulong.Parse(f[3], CultureInfo.InvariantCulture), 0);
                cache._entries[f[0]] = new Entry(stat, Optional(f[4]), Optional(f[5]));
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or IOException or UnauthorizedAccessException)
        {
            warn($"stat cache {file} is unreadable ({e.Message}); hashing from scratch");
            cache._entries.Clear();
            cache._dirty = true;
        }
        return cache;
    }

    public string? Content(string path, FileStat stat) => Lookup(path, stat)?.Content;
    public string? Syntax(string path, FileStat stat) => Lookup(path, stat)?.Syntax;

    public void StoreContent(string path, FileStat stat, string hash) =>
        Update(path, stat, e => e with { Content = hash });

    public void StoreSyntax(string path, FileStat stat, string hash) =>
        Update(path, stat, e => e with { Syntax = hash });

    /// <summary>Writes the cache (atomically) when it changed. A cache that cannot be written is a warning: the next run
    /// only hashes more.</summary>
    public void Save()
    {
        if (!_dirty || _disabled) return;
        var text = new StringBuilder(Header).Append('\n');
        foreach (var (path, e) in _entries.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append(path).Append('\t').Append(e.Stat.Size.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(e.Stat.MtimeNs.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(e.Stat.Inode.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(e.Content ?? "-").Append('\t').Append(e.Syntax ?? "-").Append('\n');
        try { AtomicFile.WriteAllText(_file, text.ToString()); }
        catch (Exception e) when (FileSystemFault.Is(e))
        {
            _warn($"stat cache {_file} could not be written ({e.Message}); the next run hashes unchanged files again");
            _disabled = true;
        }
        _dirty = false;
    }

    private Entry? Lookup(string path, FileStat stat) =>
        _entries.TryGetValue(path, out var e) && Same(e.Stat, stat) ? e : null;

    private void Update(string path, FileStat stat, Func<Entry, Entry> change)
    {
        _entries.AddOrUpdate(path, _ => change(new Entry(stat, null, null)),
            (_, old) => change(Same(old.Stat, stat) ? old : new Entry(stat, null, null)));
        _dirty = true;
    }

    private static bool Same(FileStat a, FileStat b) => a.Size == b.Size && a.MtimeNs == b.MtimeNs && a.Inode == b.Inode;

    private static string? Optional(string field) => field == "-" ? null : field;
}
