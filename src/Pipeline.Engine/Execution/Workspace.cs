namespace Pipeline.Engine.Execution;

/// <summary>Paths of a pipeline workspace (the repository root by default). The run cache is .pipeline/cache unless
/// <paramref name="cacheDir"/> points it at a folder several workspaces share (relative to the root).</summary>
internal sealed class Workspace(string root, string? cacheDir = null)
{
    public string Root { get; } = Path.GetFullPath(root);
    public bool SharedCache { get; } = cacheDir is not null;
    public string State => Full(".pipeline");
    public string LockFile => Full("pipeline.lock");
    public string StatCache => Full(".pipeline/statcache.tsv");
    public string RunCache => Full(cacheDir ?? ".pipeline/cache");
    public string Manifests => Full(".pipeline/manifests");
    public string Staging => Full("out/.staging");

    public string Full(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public string Relative(string full) => Path.GetRelativePath(Root, full).Replace('\\', '/');
}
