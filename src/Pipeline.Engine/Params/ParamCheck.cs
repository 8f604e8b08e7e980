using System.Globalization;

namespace Pipeline.Engine;

/// <summary>
/// A check across params keys that depends on params alone, run with params validation (so --dry-run, Status and
/// --plan catch it before any stage runs). Declare them in any <c>ParamCheck[]</c> field or property of the build class,
/// e.g. <c>static readonly ParamCheck[] Checks = [ParamCheck.EachAmong("learning_curve.fractions", "preprocess_bt.label_fractions")];</c>
/// A check runs only when every key it names has a value; its problems are reported with the others, at the first
/// key's file:line.
/// </summary>
public sealed record ParamCheck(IReadOnlyList<string> Keys, Func<ParamValues, IEnumerable<string>> Problems)
{
    /// <summary>Any check: <paramref name="problems"/> returns one message per problem (none when the params are fine).</summary>
    public static ParamCheck Custom(string[] keys, Func<ParamValues, IEnumerable<string>> problems) => new(keys, problems);

    /// <summary>Every element of the list <paramref name="listKey"/> must be an element of the list <paramref name="allowedKey"/>
    /// (numbers compared as numbers), e.g. learning-curve fractions among the label fractions preprocessing draws.</summary>
    public static ParamCheck EachAmong(string listKey, string allowedKey) => new([listKey, allowedKey], values =>
    {
        var allowed = values.Get(allowedKey);
        return values.Get(listKey).Elements
            .Where(v => !allowed.Elements.Any(a => Same(a, v)))
            .Select(v => $"'{listKey}' has {v.Canonical}, which '{allowedKey}' {allowed.Canonical} does not have; add it to '{allowedKey}' or remove it from '{listKey}'");
    });

    private static bool Same(ParamValue a, ParamValue b) =>
        a.Value is long or double && b.Value is long or double
            ? Math.Abs(Convert.ToDouble(a.Value, CultureInfo.InvariantCulture) - Convert.ToDouble(b.Value, CultureInfo.InvariantCulture)) < 1e-12
            : a.Canonical == b.Canonical;
}
