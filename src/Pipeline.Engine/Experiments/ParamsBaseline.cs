using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Experiments;

/// <summary>
/// What a run's params are compared with to decide whether it is an experiment: the default params file as committed
/// at HEAD (<c>git show HEAD:params.yaml</c>), read under today's schema. Without git, before the first commit or when
/// HEAD has no such file, it is that file as it is in the workspace — so --set and --params still count, an edit of the
/// file cannot — and <see cref="Description"/> says so.
/// </summary>
internal sealed record ParamsBaseline(IReadOnlyDictionary<string, string> Values, string Description, string? Commit)
{
    public static ParamsBaseline Load(Workspace workspace, string paramsFile, IReadOnlyList<ParamSpec> schema)
    {
        var commit = Git.Head(workspace.Root);
        if (commit is not null && Git.Show(workspace.Root, "HEAD", paramsFile) is { } committed)
            return new ParamsBaseline(Canonical(committed, $"HEAD:{paramsFile}", schema), $"HEAD:{paramsFile} ({commit[..Math.Min(8, commit.Length)]})", commit);
        var onDisk = workspace.Full(paramsFile);
        var text = File.Exists(onDisk) ? File.ReadAllText(onDisk) : "";
        var why = commit is null ? "no git repository here, or no commit yet" : $"HEAD has no {paramsFile}";
        return new ParamsBaseline(Canonical(text, paramsFile, schema), $"{paramsFile} in the workspace ({why})", commit);
    }

    /// <summary>The keys whose values differ between the baseline and <paramref name="now"/>, sorted.</summary>
    public List<ParamChange> Changes(IReadOnlyDictionary<string, string> now) =>
        Values.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(k => new ParamChange(k, Values.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(c => c.Old != c.New)
            .ToList();

    public static SortedDictionary<string, string> Canonical(ParamValues values) =>
        new(values.All.ToDictionary(p => p.Key, p => p.Value.Canonical), StringComparer.Ordinal);

    private static SortedDictionary<string, string> Canonical(string text, string display, IReadOnlyList<ParamSpec> schema)
    {
        try { return Canonical(ParamsValidator.Lenient(schema, ParamsDocument.Parse(text, display))); }
        catch (UsageException) { return new SortedDictionary<string, string>(StringComparer.Ordinal); } // not YAML any more: every value differs
    }
}
