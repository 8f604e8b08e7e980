namespace Pipeline.Engine.Execution;

/// <summary>Paths of a pipeline workspace (the repository root by default).</summary>
internal sealed class Workspace(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    public string State => Full(".pipeline");
    public string LockFile => Full("pipeline.lock");
    public string StatCache => Full(".pipeline/statcache.tsv");
    public string RunCache => Full(".pipeline/cache");
    public string Manifests => Full(".pipeline/manifests");
    public string Staging => Full("out/.staging");

    public string Full(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public string Relative(string full) => Path.GetRelativePath(Root, full).Replace('\\', '/');
}
