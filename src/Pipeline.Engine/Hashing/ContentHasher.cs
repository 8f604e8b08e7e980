using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Pipeline.Engine.Hashing;

/// <summary>One file of a hashed folder: its path relative to the folder ('/' separators), size and hash.</summary>
internal sealed record FileEntry(string RelativePath, long Size, string Hash);

/// <summary>The content hash of a file, or of a folder as the hash of its sorted manifest (relative path, size, hash).</summary>
internal sealed record PathDigest(string Hash, long Size, bool IsFolder, IReadOnlyList<FileEntry> Files)
{
    public string ManifestText => Manifest(Files);

    public static string Manifest(IEnumerable<FileEntry> files)
    {
        var text = new StringBuilder();
        foreach (var f in files) text.Append(f.RelativePath).Append('\t').Append(f.Size).Append('\t').Append(f.Hash).Append('\n');
        return text.ToString();
    }
}

/// <summary>XxHash128 content hashing with the stat cache: a file whose size, mtime and inode are unchanged is not re-read.
/// Folders are hashed file by file in parallel.</summary>
internal sealed class ContentHasher(StatCache cache, int parallelism)
{
    private const int BufferSize = 1 << 20;

    public StatCache Cache { get; } = cache;

    /// <summary>The digest of a file or folder, or null when the path does not exist.</summary>
    public PathDigest? HashPath(string fullPath)
    {
        if (Directory.Exists(fullPath)) return HashFolder(fullPath);
        if (!File.Exists(fullPath)) return null;
        var (hash, size) = HashFile(fullPath);
        return new PathDigest(hash, size, false, [new FileEntry(Path.GetFileName(fullPath), size, hash)]);
    }

    public PathDigest HashFolder(string folder)
    {
        var paths = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(p => (full: p, relative: Path.GetRelativePath(folder, p).Replace('\\', '/')))
            .OrderBy(p => p.relative, StringComparer.Ordinal)
            .ToArray();
        var entries = new FileEntry[paths.Length];
        Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var (hash, size) = HashFile(paths[i].full);
            entries[i] = new FileEntry(paths[i].relative, size, hash);
        });
        return new PathDigest(Hex.OfText(PathDigest.Manifest(entries)), entries.Sum(e => e.Size), true, entries);
    }

    public (string Hash, long Size) HashFile(string path)
    {
        var before = FileStat.Of(path) ?? throw new FileNotFoundException($"{path} does not exist", path);
        if (Cache.Content(path, before) is { } cached) return (cached, before.Size);
        var hash = ReadAndHash(path);
        if (FileStat.Of(path) == before) Cache.StoreContent(path, before, hash);
        return (hash, before.Size);
    }

    /// <summary>The trivia-free syntax hash of a C# file (comments and whitespace do not count), cached like content.</summary>
    public string HashCSharp(string path)
    {
        var before = FileStat.Of(path) ?? throw new FileNotFoundException($"{path} does not exist", path);
        if (Cache.Syntax(path, before) is { } cached) return cached;
        var hash = CSharpSyntaxHasher.Hash(File.ReadAllText(path));
        if (FileStat.Of(path) == before) Cache.StoreSyntax(path, before, hash);
        return hash;
    }

    private static string ReadAndHash(string path)
    {
        var hasher = new XxHash128();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(buffer, 0, BufferSize)) > 0) hasher.Append(buffer.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Hex.Of(hasher);
    }
}
