using System.Globalization;

namespace Pipeline.Engine;

/// <summary>A validated params value. <see cref="Canonical"/> is its invariant text form (sorted-key, culture-free),
/// used in fingerprints, pipeline.lock, resolved params files and Status reasons.</summary>
public sealed record ParamValue(ParamType Type, object Value)
{
    public string Canonical => Format(Type, Value);

    public IReadOnlyList<ParamValue> Elements =>
        Value is IReadOnlyList<object> items
            ? items.Select(v => new ParamValue(Type.ElementType(), v)).ToList()
            : throw new InvalidOperationException($"a {Type} value is not a list");

    private static string Format(ParamType type, object value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => YamlText.Scalar(s),
        IReadOnlyList<object> list => "[" + string.Join(", ", list.Select(v => Format(type.ElementType(), v))) + "]",
        _ => throw new InvalidOperationException($"unexpected params value {value.GetType()}"),
    };
}
