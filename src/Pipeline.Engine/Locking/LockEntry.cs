namespace Pipeline.Engine.Locking;

internal sealed record LockDependency(string Path, string Hash);

internal sealed record LockOutput(string Hash, long Size);

/// <summary>What one stage instance's last successful run was made from, and what it produced.</summary>
internal sealed record LockEntry(
    string Command,
    string Fingerprint,
    IReadOnlyDictionary<string, string> Code,
    IReadOnlyDictionary<string, LockDependency> Dependencies,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, LockOutput> Outputs);
