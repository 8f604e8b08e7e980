namespace Pipeline.Engine.Locking;

internal sealed record LockDependency(string Path, string Hash);

internal sealed record LockOutput(string Hash, long Size);

/// <summary>
/// What one stage instance's last successful run was made from, and what it produced. <see cref="Machine"/> says
/// where it ran (CPU model and vector ISA); it is provenance only, not part of the fingerprint.
/// </summary>
internal sealed record LockEntry(
    string Command,
    string Fingerprint,
    IReadOnlyDictionary<string, string> Code,
    IReadOnlyDictionary<string, LockDependency> Dependencies,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, LockOutput> Outputs,
    string Machine = "");
