using System.Globalization;

namespace Pipeline.Engine;

/// <summary>
/// One params.yaml key in the build's schema: its type, allowed range or values and a description.
/// Declare them in any <c>ParamSpec[]</c> field or property of the build class, e.g.
/// <c>static readonly ParamSpec[] TrainParams = [ParamSpec.Double("pretrain.lr", "Adam learning rate", min: 1e-6, max: 1)];</c>
/// Every key is required unless marked <see cref="Optional"/>. Lists check min/max per element.
/// </summary>
public sealed record ParamSpec(string Key, ParamType Type, string Description)
{
    public double? Min { get; init; }
    public double? Max { get; init; }
    public IReadOnlyList<string> Allowed { get; init; } = [];
    public bool Required { get; init; } = true;

    public static ParamSpec Int(string key, string description, long? min = null, long? max = null) =>
        new(key, ParamType.Int, description) { Min = min, Max = max };

    public static ParamSpec Double(string key, string description, double? min = null, double? max = null) =>
        new(key, ParamType.Double, description) { Min = min, Max = max };

    public static ParamSpec Bool(string key, string description) => new(key, ParamType.Bool, description);

    public static ParamSpec String(string key, string description) => new(key, ParamType.String, description);

    public static ParamSpec Choice(string key, string description, params string[] allowed) =>
        new(key, ParamType.Choice, description) { Allowed = allowed };

    public static ParamSpec IntList(string key, string description, long? min = null, long? max = null) =>
        new(key, ParamType.IntList, description) { Min = min, Max = max };

    public static ParamSpec DoubleList(string key, string description, double? min = null, double? max = null) =>
        new(key, ParamType.DoubleList, description) { Min = min, Max = max };

    public static ParamSpec StringList(string key, string description) => new(key, ParamType.StringList, description);

    /// <summary>The key may be absent from params.yaml (then it is absent from the stage's resolved params too).</summary>
    public ParamSpec Optional() => this with { Required = false };

    /// <summary>Type and constraints as one phrase, e.g. "a number in [1E-06, 1]".</summary>
    public string Expected()
    {
        if (Type == ParamType.Choice) return "one of " + string.Join(", ", Allowed);
        var range = (Min, Max) switch
        {
            (null, null) => "",
            ({ } lo, null) => $" >= {Format(lo)}",
            (null, { } hi) => $" <= {Format(hi)}",
            ({ } lo, { } hi) => $" in [{Format(lo)}, {Format(hi)}]",
        };
        return Type.Describe() + (Type.IsList() && range != "" ? " each" : "") + range;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
