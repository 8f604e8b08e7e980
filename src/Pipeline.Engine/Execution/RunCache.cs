using System.Globalization;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Execution;

/// <summary>
/// Published outputs kept content-addressed by fingerprint under .pipeline/cache/&lt;fp&gt;/ (files as hard links
/// plus a manifest), so a params set seen before restores its outputs. An entry that does not match its manifest
/// is a warning and a miss.
/// </summary>
internal sealed class RunCache(Workspace workspace, ContentHasher hasher, Action<string> warn)
{
    private string EntryDir(string fingerprint) => Path.Combine(workspace.RunCache, fingerprint);

    /// <summary>Keeps a published folder under its fingerprint, with the machine that made it and its lock entry (so
    /// --repair-lock can rebuild pipeline.lock). The entry appears at once, whole (a rename); when another run wrote the
    /// same fingerprint first, this copy is dropped: both hold what the same fingerprint produced.</summary>
    public void Store(string fingerprint, string publishedDir, PathDigest digest, string machine, string id, LockEntry lockEntry)
    {
        var entry = EntryDir(fingerprint);
        if (Directory.Exists(entry)) return;
        var temp = Path.Combine(workspace.RunCache, $".tmp-{fingerprint}-{Guid.NewGuid():N}");
        try
        {
            // a shared cache keeps its own read-only copies: a user writing into out/ must not change what others restore
            if (workspace.SharedCache) HardLink.CopyTreeReadOnly(publishedDir, Path.Combine(temp, "files"));
            else HardLink.CopyTree(publishedDir, Path.Combine(temp, "files"));
            File.WriteAllText(Path.Combine(temp, "manifest.tsv"), digest.ManifestText);
            File.WriteAllText(Path.Combine(temp, MachineFile), machine + "\n");
            File.WriteAllText(Path.Combine(temp, EntryFile), EntryText(id, lockEntry));
            Directory.Move(temp, entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // another run that published the same fingerprint first wins; its entry holds the same outputs
            if (!Directory.Exists(entry)) warn($"could not add {workspace.Relative(publishedDir)} to the run cache ({e.Message})");
            Delete(temp);
        }
    }

    private const string EntryFile = "entry.lock";

    private static string EntryText(string id, LockEntry entry)
    {
        var text = new System.Text.StringBuilder("version: 2\nstages:\n");
        LockFile.AppendEntry(text, id, entry);
        return LockFile.WithChecksum(text.ToString());
    }

    /// <summary>The stage instances the cache holds results of (from each entry's lock entry).</summary>
    public HashSet<string> InstanceIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fingerprint in Fingerprints())
        {
            var file = Path.Combine(EntryDir(fingerprint), EntryFile);
            try
            {
                if (File.Exists(file))
                    foreach (var line in File.ReadLines(file).Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal)))
                        ids.Add(line.Trim().TrimEnd(':').Trim('\''));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return ids;
    }

    /// <summary>A lookup of the lock entry an instance's cache entry was made with (null for another instance's).</summary>
    public Func<string, LockEntry?> EntryOfInstance(string id) => fingerprint =>
    {
        var file = Path.Combine(EntryDir(fingerprint), EntryFile);
        try { return File.Exists(file) ? LockFileReader.Parse(File.ReadAllText(file), file).Stages.GetValueOrDefault(id) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UsageException) { return null; }
    };

    /// <summary>The whole-folder hash of a cache entry (the hash of its manifest), or null when there is no entry.</summary>
    public LockFolder? FolderOf(string fingerprint)
    {
        var file = Path.Combine(EntryDir(fingerprint), "manifest.tsv");
        try
        {
            if (!File.Exists(file)) return null;
            var manifest = File.ReadAllText(file);
            var lines = manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var size = lines.Sum(l => long.Parse(l.Split('\t')[1], CultureInfo.InvariantCulture));
            return new LockFolder(Hex.OfText(manifest), size, lines.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { return null; }
    }

    /// <summary>Fingerprints of every entry in the cache.</summary>
    public IEnumerable<string> Fingerprints() => Directory.Exists(workspace.RunCache)
        ? Directory.EnumerateDirectories(workspace.RunCache).Select(Path.GetFileName).Where(n => n is not null && !n.StartsWith('.')).Cast<string>()
        : [];

    private const string MachineFile = "machine.txt";

    /// <summary>Whether the cache has an entry for a fingerprint (not yet verified: <see cref="Restore"/> does that).</summary>
    public bool Has(string fingerprint) => Has(workspace, fingerprint);

    /// <summary>Whether a workspace's run cache has an entry for a fingerprint, without opening the cache.</summary>
    public static bool Has(Workspace workspace, string fingerprint) => Directory.Exists(Path.Combine(workspace.RunCache, fingerprint));

    /// <summary>The folder of a cache entry holding the outputs it restores (read-only for readers).</summary>
    public static string FilesOf(Workspace workspace, string fingerprint) => Path.Combine(workspace.RunCache, fingerprint, "files");

    /// <summary>The machine that made a cache entry ("" when the entry does not say).</summary>
    public string MachineOf(string fingerprint)
    {
        var file = Path.Combine(EntryDir(fingerprint), MachineFile);
        try { return File.Exists(file) ? File.ReadAllText(file).Trim() : ""; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    /// <summary>Restores the outputs of a fingerprint into a fresh staging folder, or null on a miss. An entry that
    /// cannot be read or does not match its manifest is a warning and a miss; a staging folder that cannot be written
    /// (full disk, read-only, permission) is the environment fault it is, not an unreadable entry.</summary>
    public string? Restore(string fingerprint, string stageId)
    {
        var entry = EntryDir(fingerprint);
        if (!Directory.Exists(entry)) return null;
        var files = Path.Combine(entry, "files");
        try
        {
            var expected = File.ReadAllText(Path.Combine(entry, "manifest.tsv"));
            var actual = Directory.Exists(files) ? hasher.HashFolder(files).ManifestText : null;
            if (actual != expected)
            {
                warn($"run cache entry for {stageId} ({Shown(entry)}) does not match its manifest; ignoring it");
                Delete(entry);
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"run cache entry for {stageId} ({Shown(entry)}) is unreadable ({e.Message}); ignoring it");
            return null;
        }
        var staging = Path.Combine(workspace.Staging, $"{stageId.Replace('/', '.')}-{Guid.NewGuid():N}");
        try { HardLink.CopyTree(files, staging); }
        catch (Exception e) when (FileSystemFault.Is(e))
        {
            Delete(staging);
            throw FileSystemFault.Describe(e, staging, $"restoring {stageId} from the run cache", workspace.Root);
        }
        return staging;
    }

    private string Shown(string path) => workspace.Relative(path);

    /// <summary>Deletes entries not in <paramref name="keep"/>; returns (entries removed, bytes freed). Another run's
    /// entry being written (.tmp-…) is left alone unless a day old; so is the list of workspaces sharing the cache.</summary>
    public (int Entries, long Bytes) Collect(IReadOnlySet<string> keep)
    {
        if (!Directory.Exists(workspace.RunCache)) return (0, 0);
        var (entries, bytes) = (0, 0L);
        foreach (var dir in Directory.EnumerateDirectories(workspace.RunCache))
        {
            var name = Path.GetFileName(dir);
            if (keep.Contains(name) || name == Workspaces) continue;
            if (name.StartsWith('.') && Directory.GetLastWriteTimeUtc(dir) > DateTime.UtcNow.AddDays(-1)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
                if (FileStat.Of(file) is { } stat && stat.Links <= 1) bytes += stat.Size;
            Delete(dir);
            if (!name.StartsWith('.')) entries++;
        }
        return (entries, bytes);
    }

    private const string Workspaces = ".workspaces";

    /// <summary>Notes this workspace in a shared cache, so Gc run from another workspace keeps what its lock names.</summary>
    public void Register()
    {
        if (!workspace.SharedCache) return;
        var file = Path.Combine(workspace.RunCache, Workspaces, Hex.OfText(workspace.Root) + ".path");
        try { if (!File.Exists(file)) AtomicFile.WriteAllText(file, workspace.Root + "\n"); }
        catch (Exception e) when (FileSystemFault.Is(e)) { warn($"cannot register this workspace in the shared run cache ({e.Message})"); }
    }

    /// <summary>The workspaces registered in a shared cache (their root folders), this one included.</summary>
    public IReadOnlyList<string> RegisteredWorkspaces()
    {
        var folder = Path.Combine(workspace.RunCache, Workspaces);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.path").Select(f => File.ReadAllText(f).Trim()).Where(p => p.Length > 0).ToList()
            : [];
    }

    private static void Delete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public static string FormatBytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / 1073741824.0).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
    };
}
