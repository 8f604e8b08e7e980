using System.Reflection;

namespace Pipeline.Engine;

/// <summary>The stages, targets and params schema a build class declares, found by reflection and checked once.</summary>
internal sealed class PipelineModel
{
    private readonly Dictionary<MethodInfo, string> _stageNames;

    private PipelineModel(List<StageDefinition> stages, List<TargetDefinition> targets, List<ParamSpec> schema,
        Dictionary<MethodInfo, string> stageNames, Dictionary<MethodInfo, string> targetNames)
    {
        Stages = stages;
        Targets = targets;
        Schema = schema;
        _stageNames = stageNames;
        TargetNames = targetNames;
        StagesByName = stages.ToDictionary(s => s.Name, StringComparer.Ordinal);
        TargetsByName = targets.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>Stages in a topological order (upstream first, ties by name).</summary>
    public IReadOnlyList<StageDefinition> Stages { get; }
    public IReadOnlyList<TargetDefinition> Targets { get; }
    public IReadOnlyList<ParamSpec> Schema { get; }
    public IReadOnlyDictionary<string, StageDefinition> StagesByName { get; }
    public IReadOnlyDictionary<string, TargetDefinition> TargetsByName { get; }
    private Dictionary<MethodInfo, string> TargetNames { get; }

    public string NameOf(Stage stage) => _stageNames.TryGetValue(stage.Method, out var name)
        ? name
        : throw new UsageException("a stage refers to a Stage that is not a property of the build class");

    public string NameOf(Target target) => TargetNames.TryGetValue(target.Method, out var name)
        ? name
        : throw new UsageException("a target refers to a Target that is not a property of the build class");

    public IEnumerable<string> Upstream(StageDefinition stage) =>
        stage.Inputs.Where(i => i.Upstream is not null).Select(i => NameOf(i.Upstream!)).Distinct();

    /// <summary>Finds the schema, asks for the validated params (injected into any ParamValues field or property of the
    /// build), then evaluates the stage and target declarations.</summary>
    public static PipelineModel Discover(object build, Func<IReadOnlyList<ParamSpec>, ParamValues>? loadParams = null)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        var type = build.GetType();
        var stageNames = new Dictionary<MethodInfo, string>();
        var targetNames = new Dictionary<MethodInfo, string>();
        var stageDelegates = new List<(string, Stage)>();
        var targetDelegates = new List<(string, Target)>();
        var schema = new List<ParamSpec>();
        foreach (var property in type.GetProperties(flags).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            object? Value() => property.GetValue(property.GetMethod!.IsStatic ? null : build);
            if (property.PropertyType == typeof(Stage) && Value() is Stage s) { stageNames[s.Method] = property.Name; stageDelegates.Add((property.Name, s)); }
            else if (property.PropertyType == typeof(Target) && Value() is Target t) { targetNames[t.Method] = property.Name; targetDelegates.Add((property.Name, t)); }
            else if (typeof(IEnumerable<ParamSpec>).IsAssignableFrom(property.PropertyType) && Value() is IEnumerable<ParamSpec> specs) schema.AddRange(specs);
        }
        foreach (var field in type.GetFields(flags).OrderBy(f => f.Name, StringComparer.Ordinal))
            if (typeof(IEnumerable<ParamSpec>).IsAssignableFrom(field.FieldType) && field.GetValue(field.IsStatic ? null : build) is IEnumerable<ParamSpec> specs)
                schema.AddRange(specs);

        var twice = schema.GroupBy(s => s.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
            throw new UsageException(twice.Select(k => $"build definition: params key {k} is declared more than once in the schema").ToList());
        if (loadParams?.Invoke(schema) is { } values) Inject(build, values);
        var stages = stageDelegates.Select(d => d.Item2(new StageDefinition(d.Item1))).ToList();
        var targets = targetDelegates.Select(d => d.Item2(new TargetDefinition(d.Item1))).ToList();
        var model = new PipelineModel(stages, targets, schema, stageNames, targetNames);
        var problems = ModelChecks.Problems(model).Concat(HeadlineMetric.Problems(HeadlinesOf(build), model)).ToList();
        if (problems.Count > 0) throw new UsageException(problems.Select(p => "build definition: " + p).ToList());
        return new PipelineModel(TopologicalOrder(model), targets, schema, stageNames, targetNames);
    }

    /// <summary>The cross-key params checks the build declares (any <c>ParamCheck[]</c> field or property).</summary>
    public static IReadOnlyList<ParamCheck> ChecksOf(object build) => MembersOf<ParamCheck>(build);

    /// <summary>The metrics the build shows for each experiment (any <c>HeadlineMetric[]</c> field or property).</summary>
    public static IReadOnlyList<HeadlineMetric> HeadlinesOf(object build) => MembersOf<HeadlineMetric>(build);

    private static List<T> MembersOf<T>(object build)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        var type = build.GetType();
        return type.GetFields(flags).Where(f => typeof(IEnumerable<T>).IsAssignableFrom(f.FieldType))
            .Select(f => f.GetValue(f.IsStatic ? null : build))
            .Concat(type.GetProperties(flags).Where(p => typeof(IEnumerable<T>).IsAssignableFrom(p.PropertyType))
                .Select(p => p.GetValue(p.GetMethod!.IsStatic ? null : build)))
            .OfType<IEnumerable<T>>().SelectMany(c => c).ToList();
    }

    private static void Inject(object build, ParamValues values)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var property in build.GetType().GetProperties(flags).Where(p => p.PropertyType == typeof(ParamValues) && p.CanWrite))
            property.SetValue(property.SetMethod!.IsStatic ? null : build, values);
        foreach (var field in build.GetType().GetFields(flags).Where(f => f.FieldType == typeof(ParamValues) && !f.IsInitOnly && !f.Name.Contains('<')))
            field.SetValue(field.IsStatic ? null : build, values);
    }

    private static List<StageDefinition> TopologicalOrder(PipelineModel model)
    {
        var order = new List<StageDefinition>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(StageDefinition stage, Stack<string> path)
        {
            if (state.GetValueOrDefault(stage.Name) == 2) return;
            if (state.GetValueOrDefault(stage.Name) == 1)
                throw new UsageException($"build definition: stages form a cycle: {string.Join(" -> ", path.Reverse())} -> {stage.Name}");
            state[stage.Name] = 1;
            path.Push(stage.Name);
            foreach (var up in model.Upstream(stage).Order(StringComparer.Ordinal)) Visit(model.StagesByName[up], path);
            path.Pop();
            state[stage.Name] = 2;
            order.Add(stage);
        }
        foreach (var stage in model.Stages.OrderBy(s => s.Name, StringComparer.Ordinal)) Visit(stage, new Stack<string>());
        return order;
    }

    /// <summary>Every stage a set of requested names needs (targets expanded, upstream closure), in topological order.</summary>
    public IReadOnlyList<StageDefinition> Closure(IEnumerable<string> names)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        void AddStage(string name)
        {
            if (!wanted.Add(name)) return;
            foreach (var up in Upstream(StagesByName[name])) AddStage(up);
        }
        void AddTarget(TargetDefinition target)
        {
            foreach (var s in target.Stages) AddStage(NameOf(s));
            foreach (var t in target.Targets) AddTarget(TargetsByName[NameOf(t)]);
        }
        foreach (var name in names)
            if (StagesByName.ContainsKey(name)) AddStage(name);
            else AddTarget(TargetsByName[name]);
        return Stages.Where(s => wanted.Contains(s.Name)).ToList();
    }
}
