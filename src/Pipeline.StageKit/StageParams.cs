using System.Globalization;
using Pipeline.Errors;
using YamlDotNet.RepresentationModel;

namespace Pipeline.StageKit;

/// <summary>
/// The resolved params file the engine hands a stage: only the keys the stage declared.
/// Reading an undeclared key is a bug in the stage's declaration and throws <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class StageParams
{
    private readonly Dictionary<string, YamlNode> _values;

    private StageParams(Dictionary<string, YamlNode> values, string file)
    {
        _values = values;
        File = file;
    }

    /// <summary>The resolved params file this was read from (named in error messages).</summary>
    public string File { get; }

    public IReadOnlyCollection<string> Keys => _values.Keys;

    public static StageParams Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = System.IO.File.OpenText(path)) stream.Load(reader);
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            Flatten(root, "", values);
        return new StageParams(values, path);
    }

    public static StageParams FromYaml(string yaml)
    {
        var file = Path.GetTempFileName();
        try { System.IO.File.WriteAllText(file, yaml); return Load(file); }
        finally { System.IO.File.Delete(file); }
    }

    private static void Flatten(YamlMappingNode node, string prefix, Dictionary<string, YamlNode> into)
    {
        foreach (var (key, value) in node.Children)
        {
            var path = prefix + ((YamlScalarNode)key).Value;
            into[path] = value;
            if (value is YamlMappingNode child) Flatten(child, path + ".", into);
        }
    }

    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>The scalar text of a declared key, or null when it was not declared (the caller's default applies).</summary>
    public string? TryGetString(string key) => _values.TryGetValue(key, out var node) && node is YamlScalarNode s ? s.Value ?? "" : null;

    /// <summary>The items of a declared list key, or null when it was not declared or is not a list.</summary>
    public IReadOnlyList<string>? TryGetStringList(string key) =>
        _values.TryGetValue(key, out var node) && node is YamlSequenceNode seq
            ? seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? "").ToList()
            : null;

    /// <summary>
    /// A declared key read by <paramref name="read"/> (e.g. <see cref="GetInt"/>), or <paramref name="fallback"/> when the
    /// key was not declared; a value that does not parse is a <see cref="InputException"/> naming the file and key.
    /// </summary>
    public T GetOr<T>(string key, Func<string, T> read, T fallback)
    {
        if (!Has(key)) return fallback;
        try { return read(key); }
        catch (FormatException)
        {
            var expected = typeof(T) == typeof(int) || typeof(T) == typeof(long) ? "an integer" : typeof(T) == typeof(bool) ? "true or false" : "a number";
            throw new InputException($"{File}: {key}: expected {expected}, got '{TryGetString(key)}'");
        }
    }

    public string GetString(string key) => Scalar(key);
    public int GetInt(string key) => int.Parse(Scalar(key), CultureInfo.InvariantCulture);
    public long GetLong(string key) => long.Parse(Scalar(key), CultureInfo.InvariantCulture);
    public double GetDouble(string key) => double.Parse(Scalar(key), CultureInfo.InvariantCulture);
    public bool GetBool(string key) => bool.Parse(Scalar(key));

    public IReadOnlyList<string> GetStringList(string key) =>
        Node(key) is YamlSequenceNode seq
            ? seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList()
            : throw new InvalidOperationException($"param {key} is not a list");

    public IReadOnlyList<int> GetIntList(string key) =>
        GetStringList(key).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

    public IReadOnlyList<double> GetDoubleList(string key) =>
        GetStringList(key).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();

    private string Scalar(string key) =>
        Node(key) is YamlScalarNode s ? s.Value ?? "" : throw new InvalidOperationException($"param {key} is not a scalar");

    private YamlNode Node(string key) =>
        _values.TryGetValue(key, out var node)
            ? node
            : throw new InvalidOperationException(
                $"param '{key}' was not declared for this stage; add it to the stage's .Params(...) in build/ (declared: {string.Join(", ", _values.Keys.Order())})");
}
