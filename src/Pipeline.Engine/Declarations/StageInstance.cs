using System.Text.RegularExpressions;

namespace Pipeline.Engine;

/// <summary>An input of an instance, resolved to a workspace-relative path (and the upstream instance that makes it).</summary>
internal sealed record ResolvedInput(string Name, string Path, string? UpstreamId);

/// <summary>A runnable, separately cached unit: a stage, or one matrix instance of it.</summary>
internal sealed record StageInstance(StageDefinition Stage, string? InstanceName, IReadOnlyDictionary<string, ParamValue> MatrixValues)
{
    /// <summary>Each matrix axis's value as listed (canonical text), by axis name: how instances of two stages match.</summary>
    public IReadOnlyDictionary<string, string> AxisValues { get; init; } = new Dictionary<string, string>();

    public string Id => InstanceName is null ? Stage.Name : $"{Stage.Name}/{InstanceName}";
    public string OutputDir => InstanceName is null ? $"out/{Stage.Name}" : $"out/{Stage.Name}/{InstanceName}";
    public string MetricsDir => InstanceName is null ? $"metrics/{Stage.Name}" : $"metrics/{Stage.Name}/{InstanceName}";
    public string LogFile => $".pipeline/logs/{Id.Replace('/', '.')}.log";
    public List<ResolvedInput> Inputs { get; } = [];
}

/// <summary>Expands declarations into instances with the current params (matrix axes as a cross product).</summary>
internal static partial class InstanceGraph
{
    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex Unsafe();

    public static List<StageInstance> Expand(PipelineModel model, IEnumerable<StageDefinition> stages, ParamValues values)
    {
        var all = new List<StageInstance>();
        var byStage = new Dictionary<string, List<StageInstance>>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            var instances = Instances(stage, values);
            foreach (var instance in instances)
            {
                foreach (var input in stage.Inputs)
                {
                    if (input.Upstream is null) { instance.Inputs.Add(new ResolvedInput(input.Name, input.Path!, null)); continue; }
                    var upstream = model.StagesByName[model.NameOf(input.Upstream)];
                    var ups = byStage[upstream.Name];
                    string Sub(string dir) => input.SubPath is null ? dir : $"{dir}/{input.SubPath}";
                    if (upstream.Axes.Count == 0)
                        instance.Inputs.Add(new ResolvedInput(input.Name, Sub(ups[0].OutputDir), ups[0].Id));
                    else if (AxesAmong(upstream, stage) && ups.FirstOrDefault(u => SameValues(u, instance)) is { } twin)
                        instance.Inputs.Add(new ResolvedInput(input.Name, Sub(twin.OutputDir), twin.Id));
                    else
                        foreach (var up in ups)
                            instance.Inputs.Add(new ResolvedInput($"{input.Name}/{up.InstanceName}", Sub(up.OutputDir), up.Id));
                }
            }
            byStage[stage.Name] = instances;
            all.AddRange(instances);
        }
        return all;
    }

    /// <summary>Every axis of <paramref name="upstream"/> is also an axis of <paramref name="stage"/> (same name, same list).</summary>
    private static bool AxesAmong(StageDefinition upstream, StageDefinition stage) =>
        upstream.Axes.All(u => stage.Axes.Any(s => s.Name == u.Name && s.Over == u.Over));

    /// <summary>The upstream instance has the instance's value on each of the upstream's axes.</summary>
    private static bool SameValues(StageInstance upstream, StageInstance instance) =>
        upstream.AxisValues.All(kv => instance.AxisValues.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static List<StageInstance> Instances(StageDefinition stage, ParamValues values)
    {
        if (stage.Axes.Count == 0) return [new StageInstance(stage, null, new Dictionary<string, ParamValue>())];
        IEnumerable<List<(MatrixAxis axis, ParamValue value)>> combos = [[]];
        foreach (var axis in stage.Axes)
        {
            var list = values.Has(axis.Over) ? values.Get(axis.Over).Elements : [];
            combos = combos.SelectMany(c => list.Select(v => new List<(MatrixAxis, ParamValue)>(c) { (axis, v) })).ToList();
        }
        return combos.Select(c =>
        {
            var name = string.Join("_", c.Select(x => $"{x.axis.Name}-{Unsafe().Replace(x.value.Canonical.Trim('\''), "-")}"));
            var sets = c.Where(x => x.axis.Sets is not null).ToDictionary(x => x.axis.Sets!, x => Coerce(x.value, values, x.axis), StringComparer.Ordinal);
            return new StageInstance(stage, name, sets) { AxisValues = c.ToDictionary(x => x.axis.Name, x => x.value.Canonical, StringComparer.Ordinal) };
        }).DistinctBy(i => i.InstanceName).ToList();
    }

    private static ParamValue Coerce(ParamValue value, ParamValues values, MatrixAxis axis) =>
        value.Type == ParamType.Int && values.All.TryGetValue(axis.Sets!, out var target) && target.Type == ParamType.Double
            ? new ParamValue(ParamType.Double, (double)(long)value.Value)
            : value;
}
