using System.Text.RegularExpressions;

namespace Pipeline.Engine;

/// <summary>Writes YAML scalars by hand so files the engine writes have a stable, diff-friendly form.</summary>
internal static partial class YamlText
{
    [GeneratedRegex(@"^[A-Za-z0-9_./+-][A-Za-z0-9_./+ -]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^([-+]?[0-9][0-9_.eE+-]*|[-+]?\.(inf|Inf|INF|nan|NaN|NAN)|true|false|True|False|TRUE|FALSE|yes|no|on|off|Yes|No|On|Off|null|Null|NULL|~)$")]
    private static partial Regex LooksTyped();

    /// <summary>A string as a YAML scalar that reads back as the same string: plain when safe, else single-quoted.</summary>
    public static string Scalar(string text) =>
        text.Length > 0 && PlainSafe().IsMatch(text) && !LooksTyped().IsMatch(text) && !text.EndsWith(' ')
            ? text
            : "'" + text.Replace("'", "''") + "'";

    /// <summary>A key or value that is already canonical (numbers, lists, plain words) is written as is when it is plain-safe.</summary>
    public static string Key(string text) =>
        text.Length > 0 && PlainSafe().IsMatch(text) && !text.EndsWith(' ') ? text : "'" + text.Replace("'", "''") + "'";
}
