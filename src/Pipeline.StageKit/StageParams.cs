using YamlDotNet.RepresentationModel;

namespace Pipeline.StageKit;

/// <summary>
/// The resolved params file the engine hands a stage: only the keys build/ declared for it, values validated against
/// the schema in build/ (which alone holds their ranges and meanings). Stages bind it straight into immutable settings
/// records with <see cref="Bind{T}"/> (a record's constructor parameters are its keys) and <see cref="Get{T}"/>; there
/// are no defaults: a key the stage binds but build/ did not declare is a <see cref="StageParamsException"/>, a bug in
/// build/; only a nullable parameter (an optional key of the schema, e.g. <c>int? VolumeIndex</c>) may be absent, and
/// binds as null. <see cref="Bound"/> records every key read, so a test can show a stage binds exactly what it declares.
/// </summary>
public sealed class StageParams
{
    private readonly YamlMappingNode _root;
    private readonly HashSet<string> _bound = new(StringComparer.Ordinal);

    private StageParams(YamlMappingNode root, string file)
    {
        _root = root;
        File = file;
        Keys = Leaves(root, "").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The resolved params file (named in every message).</summary>
    public string File { get; }

    /// <summary>Every key of the file (leaves only), sorted.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Every key bound so far, sorted.</summary>
    public IReadOnlyList<string> Bound => _bound.Order(StringComparer.Ordinal).ToList();

    public static StageParams Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = System.IO.File.OpenText(path)) stream.Load(reader);
        var root = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping ? mapping : new YamlMappingNode();
        return new StageParams(root, path);
    }

    /// <summary>For tests: params from YAML text (nested as the engine writes them).</summary>
    public static StageParams FromYaml(string yaml, string name = "params.yaml")
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping ? mapping : new YamlMappingNode();
        return new StageParams(root, name);
    }

    /// <summary>Whether the file holds <paramref name="key"/> (a leaf or a group); binds nothing.</summary>
    public bool Has(string key) => Node(key) is not null;

    /// <summary>The value of one key: a number, bool, string, enum (by its EnumMember value or name) or a list of those.</summary>
    public T Get<T>(string key)
    {
        var problems = new List<string>();
        var value = (T)Read(typeof(T), key, problems)!;
        Throw(problems);
        return value;
    }

    /// <summary>
    /// A record whose constructor parameters are the keys under <paramref name="prefix"/> in snake case
    /// (<c>LearningRate</c> → <c>prefix.learning_rate</c>); a parameter of record type binds the group under its key.
    /// Every missing or mistyped key is reported together.
    /// </summary>
    public T Bind<T>(string prefix)
    {
        var problems = new List<string>();
        var value = ParamBinding.Record(typeof(T), prefix, (type, key) => Read(type, key, problems), () => problems.Count > 0);
        Throw(problems);
        return (T)value!;
    }

    /// <summary>The file itself, for a stage that shows every declared key (the report): every key counts as bound.</summary>
    public string WholeFile()
    {
        _bound.UnionWith(Keys);
        return File;
    }

    private object? Read(Type type, string key, List<string> problems)
    {
        if (Node(key) is not { } node)
        {
            // an optional key of the schema (a nullable parameter) may be left out of params.yaml: it binds as null
            if (Nullable.GetUnderlyingType(type) is not null) return null;
            problems.Add($"{key} is not in this stage's params; declare it in the stage's .Params(...) in build/");
            return ParamBinding.Placeholder(type);
        }
        _bound.Add(key);
        if (ParamBinding.Convert(Nullable.GetUnderlyingType(type) ?? type, node, out var value, out var expected)) return value;
        problems.Add($"{key}: expected {expected}, got {node}");
        return ParamBinding.Placeholder(type);
    }

    private void Throw(List<string> problems)
    {
        if (problems.Count > 0)
            throw new StageParamsException(File, problems, Keys);
    }

    private YamlNode? Node(string key)
    {
        YamlNode node = _root;
        foreach (var part in key.Split('.'))
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(part), out var child)) return null;
            node = child;
        }
        return node;
    }

    private static IEnumerable<string> Leaves(YamlMappingNode node, string prefix) =>
        node.Children.SelectMany(kv => kv.Value is YamlMappingNode child
            ? Leaves(child, prefix + ((YamlScalarNode)kv.Key).Value + ".")
            : [prefix + ((YamlScalarNode)kv.Key).Value]);
}
