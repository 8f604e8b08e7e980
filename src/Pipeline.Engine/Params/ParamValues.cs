namespace Pipeline.Engine;

/// <summary>Validated params, by dotted key, with typed access for the build side.</summary>
public sealed class ParamValues(IReadOnlyDictionary<string, ParamValue> values)
{
    public IReadOnlyDictionary<string, ParamValue> All { get; } = values;

    public bool Has(string key) => All.ContainsKey(key);
    public long GetInt(string key) => (long)Get(key, ParamType.Int).Value;
    public double GetDouble(string key) => (double)Get(key, ParamType.Double).Value;
    public bool GetBool(string key) => (bool)Get(key, ParamType.Bool).Value;
    public string GetString(string key) => (string)Get(key, ParamType.String, ParamType.Choice).Value;
    public IReadOnlyList<long> GetIntList(string key) => List(key, ParamType.IntList).Cast<long>().ToList();
    public IReadOnlyList<double> GetDoubleList(string key) => List(key, ParamType.DoubleList).Cast<double>().ToList();
    public IReadOnlyList<string> GetStringList(string key) => List(key, ParamType.StringList).Cast<string>().ToList();

    public ParamValue Get(string key) =>
        All.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"params key '{key}' has no value");

    /// <summary>The keys a declaration names: the key itself, or every key under it when it names a mapping.</summary>
    internal static IEnumerable<string> Expand(string keyOrPrefix, IEnumerable<string> keys) =>
        keys.Where(k => k == keyOrPrefix || k.StartsWith(keyOrPrefix + ".", StringComparison.Ordinal));

    private ParamValue Get(string key, params ParamType[] types)
    {
        var value = Get(key);
        return types.Contains(value.Type)
            ? value
            : throw new InvalidOperationException($"params key '{key}' is {value.Type}, not {string.Join(" or ", types)}");
    }

    private IReadOnlyList<object> List(string key, ParamType type) => (IReadOnlyList<object>)Get(key, type).Value;
}
