namespace Pipeline.Engine.Locking;

internal sealed record LockDependency(string Path, string Hash);

internal sealed record LockOutput(string Hash, long Size);

/// <summary>The whole published output folder: the hash of its manifest (every file's relative path, size and hash,
/// kept in .pipeline/manifests/&lt;hash&gt;.tsv to name changed files), its size and file count.</summary>
internal sealed record LockFolder(string Hash, long Size, int Files);

/// <summary>
/// What one stage instance's last successful run was made from, and what it produced. <see cref="Machine"/> says
/// where it ran (CPU model and vector ISA); it is provenance only, not part of the fingerprint. <see cref="Folder"/>
/// is null only for entries read from a version-1 lock that the run cache could not complete.
/// </summary>
internal sealed record LockEntry(
    string Command,
    string Fingerprint,
    IReadOnlyDictionary<string, string> Code,
    IReadOnlyDictionary<string, LockDependency> Dependencies,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, LockOutput> Outputs,
    string Machine = "",
    LockFolder? Folder = null);
