using System.Collections.Concurrent;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Execution;

/// <summary>Reads the current state of stage instances, memoising code and dependency hashes within one run
/// (a published output folder is forgotten so its downstream sees the new content).</summary>
internal sealed class StateReader(Workspace workspace, ContentHasher hasher, ParamValues values, IReadOnlyList<ParamSpec> schema)
{
    private readonly CodeHasher _code = new(workspace.Root, hasher);
    private readonly ConcurrentDictionary<string, Lazy<CodeDigest>> _codeMemo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<PathDigest?>> _depMemo = new(StringComparer.Ordinal);

    public ContentHasher Hasher => hasher;

    public StageState Read(StageInstance instance)
    {
        var stage = instance.Stage;
        var code = _codeMemo.GetOrAdd(CodeKey(stage), _ => new Lazy<CodeDigest>(() => stage.ProjectPath is not null
            ? _code.ForProject(StageBuilder.ProjectFile(workspace, stage.ProjectPath))
            : _code.ForPaths(stage.CodePaths))).Value;
        var deps = instance.Inputs
            .Select(i => new DependencyState(i.Name, i.Path, Digest(i.Path)))
            .ToList();
        return new StageState(CommandOf(stage), code, deps, ParamsOf(instance), stage.EnvironmentVariables);
    }

    public PathDigest? Digest(string relativePath) =>
        _depMemo.GetOrAdd(relativePath, p => new Lazy<PathDigest?>(() =>
        {
            var digest = hasher.HashPath(workspace.Full(p));
            if (digest is { IsFolder: true }) KeepManifest(digest);
            return digest;
        })).Value;

    public void Forget(string relativeDir)
    {
        foreach (var key in _depMemo.Keys)
            if (key == relativeDir || key.StartsWith(relativeDir + "/", StringComparison.Ordinal) || relativeDir.StartsWith(key + "/", StringComparison.Ordinal))
                _depMemo.TryRemove(key, out _);
    }

    public static string CommandOf(StageDefinition stage) => stage.ProjectPath is not null
        ? $"dotnet {stage.ProjectPath}"
        : string.Join(' ', new[] { stage.Program! }.Concat(stage.ProgramArgs));

    /// <summary>The declared params (subtrees expanded over the schema) with the instance's matrix values set.</summary>
    public IReadOnlyDictionary<string, ParamValue> ParamsOf(StageInstance instance)
    {
        var result = new SortedDictionary<string, ParamValue>(StringComparer.Ordinal);
        var keys = schema.Select(s => s.Key).ToList();
        foreach (var declared in instance.Stage.ParamKeys)
            foreach (var key in ParamValues.Expand(declared, keys))
                if (values.All.TryGetValue(key, out var value)) result[key] = value;
        foreach (var (key, value) in instance.MatrixValues) result[key] = value;
        return result;
    }

    /// <summary>The manifest of a folder hash seen before, to name the files that changed since.</summary>
    public IReadOnlyList<FileEntry>? Manifest(string hash)
    {
        var file = Path.Combine(workspace.Manifests, hash + ".tsv");
        if (!File.Exists(file)) return null;
        try
        {
            return File.ReadAllLines(file).Select(l => l.Split('\t')).Select(f => new FileEntry(f[0], long.Parse(f[1]), f[2])).ToList();
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or IOException) { return null; }
    }

    /// <summary>Keeps a folder's manifest under .pipeline/manifests/&lt;hash&gt;.tsv, to name its changed files later.</summary>
    public void KeepManifest(PathDigest digest)
    {
        var file = Path.Combine(workspace.Manifests, digest.Hash + ".tsv");
        if (!File.Exists(file)) AtomicFile.WriteAllText(file, digest.ManifestText);
    }

    private static string CodeKey(StageDefinition stage) =>
        stage.ProjectPath is not null ? "project:" + stage.ProjectPath : "paths:" + string.Join('|', stage.CodePaths);
}
