namespace Pipeline.Engine;

public enum ParamType { Int, Double, Bool, String, Choice, IntList, DoubleList, StringList }

internal static class ParamTypeNames
{
    public static string Describe(this ParamType type) => type switch
    {
        ParamType.Int => "an integer",
        ParamType.Double => "a number",
        ParamType.Bool => "true or false",
        ParamType.String => "a string",
        ParamType.Choice => "one of the allowed values",
        ParamType.IntList => "a list of integers",
        ParamType.DoubleList => "a list of numbers",
        ParamType.StringList => "a list of strings",
        _ => type.ToString(),
    };

    public static bool IsList(this ParamType type) =>
        type is ParamType.IntList or ParamType.DoubleList or ParamType.StringList;

    public static ParamType ElementType(this ParamType type) => type switch
    {
        ParamType.IntList => ParamType.Int,
        ParamType.DoubleList => ParamType.Double,
        ParamType.StringList => ParamType.String,
        _ => type,
    };
}
