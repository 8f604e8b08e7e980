using System.Globalization;

namespace MriTransfer.Training.Settings;

/// <summary>
/// Read access to a stage's params without depending on the stage kit: a scalar lookup and a list lookup by dotted
/// key, each returning null when the key is absent (the default then applies).
/// </summary>
public sealed class ParamSource(Func<string, string?> scalar, Func<string, IReadOnlyList<string>?> list)
{
    public string? Scalar(string key) => scalar(key);
    public IReadOnlyList<string>? List(string key) => list(key);

    /// <summary>For tests and tools: values as C# objects (lists as IEnumerable).</summary>
    public static ParamSource FromDictionary(IReadOnlyDictionary<string, object> values) => new(
        key => values.TryGetValue(key, out var v) && v is not System.Collections.IEnumerable or string
            ? Convert.ToString(v, CultureInfo.InvariantCulture)
            : null,
        key => values.TryGetValue(key, out var v) && v is System.Collections.IEnumerable e and not string
            ? e.Cast<object>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture) ?? "").ToList()
            : null);
}
