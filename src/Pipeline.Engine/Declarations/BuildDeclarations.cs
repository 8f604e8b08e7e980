using Pipeline.Engine.Execution;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine;

/// <summary>One stage instance's params as the executor hands them over: its declared keys and the resolved file.</summary>
/// <param name="Instance">the matrix instance name, or null.</param>
/// <param name="Project">the stage's project path (null for a Command stage).</param>
public sealed record DeclaredStageParams(string Stage, string? Instance, string? Project, IReadOnlyList<string> Keys, string ResolvedYaml);

/// <summary>
/// A read-only view of a build's declarations, for tests of the stage apps: the params schema, and the resolved params
/// file every stage instance would get for a params file (so a test can prove a stage binds exactly what build/
/// declares for it). Nothing is hashed, built or run.
/// </summary>
public static class BuildDeclarations
{
    /// <summary>The schema the build declares (every key of params.yaml with its type, range and meaning).</summary>
    public static IReadOnlyList<ParamSpec> Schema(object build) => PipelineModel.Discover(build).Schema;

    /// <summary>Every stage instance's declared params, validated from <paramref name="paramsFile"/> as a run would;
    /// bad params throw <see cref="UsageException"/> listing every problem.</summary>
    public static IReadOnlyList<DeclaredStageParams> StageParams(object build, string paramsFile)
    {
        ParamValues values = null!;
        var model = PipelineModel.Discover(build, schema => values = ParamsValidator.Validate(schema, ParamsDocument.Load(paramsFile, paramsFile), paramsFile));
        var workspace = new Workspace(Path.GetDirectoryName(Path.GetFullPath(paramsFile))!);
        var reader = new StateReader(workspace, new ContentHasher(StatCache.Load(workspace.StatCache, _ => { }), 1), values, model.Schema);
        return InstanceGraph.Expand(model, model.Stages, values).Select(instance =>
        {
            var resolved = reader.ParamsOf(instance);
            return new DeclaredStageParams(instance.Stage.Name, instance.InstanceName, instance.Stage.ProjectPath, resolved.Keys.ToList(), ResolvedParams.ToYaml(resolved));
        }).ToList();
    }
}
