using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Pipeline.StageKit;

/// <summary>How <see cref="StageParams"/> turns YAML nodes into typed values and records into keys.</summary>
internal static class ParamBinding
{
    /// <summary>
    /// A record built from its public constructor with the most parameters, each read as prefix.snake_case(name); null
    /// (and nothing constructed) once <paramref name="failed"/> says a key was missing or mistyped.
    /// </summary>
    public static object? Record(Type type, string prefix, Func<Type, string, object?> read, Func<bool> failed)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} has no public constructor to bind params into");
        var arguments = constructor.GetParameters().Select(p =>
        {
            var key = (prefix.Length > 0 ? prefix + "." : "") + SnakeCase(p.Name!);
            return IsRecord(p.ParameterType) ? Record(p.ParameterType, key, read, failed) : read(p.ParameterType, key);
        }).ToArray();
        if (failed()) return null;
        try { return constructor.Invoke(arguments); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary><c>LearningRate</c> → <c>learning_rate</c>, <c>KFolds</c> → <c>k_folds</c>, <c>ProbeL2</c> → <c>probe_l2</c>.</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary) text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    public static bool Convert(Type type, YamlNode node, out object? value, out string expected)
    {
        var element = ListElement(type);
        expected = element is null ? Describe(type) : $"a list of {Describe(element)}";
        value = null;
        if (element is null) return node is YamlScalarNode scalar && Scalar(type, scalar.Value ?? "", out value);
        if (node is not YamlSequenceNode sequence) return false;
        var items = Array.CreateInstance(element, sequence.Children.Count);
        for (var i = 0; i < items.Length; i++)
        {
            if (sequence.Children[i] is not YamlScalarNode item || !Scalar(element, item.Value ?? "", out var v)) return false;
            items.SetValue(v, i);
        }
        value = items;
        return true;
    }

    /// <summary>A stand-in value while problems are collected (never returned to the stage).</summary>
    public static object? Placeholder(Type type) =>
        ListElement(type) is { } element ? Array.CreateInstance(element, 0) : type.IsValueType ? Activator.CreateInstance(type) : null;

    private static bool Scalar(Type type, string text, out object? value)
    {
        var inv = CultureInfo.InvariantCulture;
        (var ok, value) = type switch
        {
            _ when type == typeof(string) => (true, text),
            _ when type == typeof(int) => (int.TryParse(text, NumberStyles.Integer, inv, out var i), (object)i),
            _ when type == typeof(long) => (long.TryParse(text, NumberStyles.Integer, inv, out var l), l),
            _ when type == typeof(double) => (double.TryParse(text, NumberStyles.Float, inv, out var d) && !double.IsNaN(d), d),
            _ when type == typeof(bool) => (bool.TryParse(text, out var b), b),
            _ when type.IsEnum => EnumValue(type, text) is { } e ? (true, e) : (false, null),
            _ => (false, (object?)null),
        };
        return ok;
    }

    private static object? EnumValue(Type type, string text)
    {
        static string Plain(string s) => s.Replace("_", "").ToLowerInvariant();
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            if ((field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name) is var name
                && (name == text || Plain(name) == Plain(text)))
                return field.GetValue(null);
        return null;
    }

    private static string Describe(Type type) =>
        type == typeof(int) || type == typeof(long) ? "an integer"
        : type == typeof(double) ? "a number"
        : type == typeof(bool) ? "true or false"
        : type.IsEnum ? "one of " + string.Join(", ", type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? SnakeCase(f.Name)))
        : "a string";

    private static Type? ListElement(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0]
        : null;

    private static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string) && !type.IsArray && type.GetMethod("<Clone>$") is not null;
}
