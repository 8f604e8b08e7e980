using System.Globalization;

namespace MriTransfer.Training.Settings;

/// <summary>Reads typed, range-checked params with defaults, collecting every problem to report them together.</summary>
public sealed class ParamReader(ParamSource source)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public void Problem(string message) => _problems.Add(message);

    public int Int(string key, int fallback, int min, int max)
    {
        var text = source.Scalar(key);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return Fail($"{key} must be an integer in {min}..{max}, got '{text}'", fallback);
        return value < min || value > max ? Fail($"{key} must be in {min}..{max}, got {value}", fallback) : value;
    }

    public long Long(string key, long fallback)
    {
        var text = source.Scalar(key);
        if (text is null) return fallback;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value : Fail($"{key} must be an integer, got '{text}'", fallback);
    }

    public double Double(string key, double fallback, double min, double max, bool minExclusive = false)
    {
        var text = source.Scalar(key);
        if (text is null) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
            return Fail($"{key} must be a number in {(minExclusive ? "(" : "[")}{min}, {max}], got '{text}'", fallback);
        var tooLow = minExclusive ? value <= min : value < min;
        return tooLow || value > max ? Fail($"{key} must be in {(minExclusive ? "(" : "[")}{min}, {max}], got {value}", fallback) : value;
    }

    public bool Bool(string key, bool fallback)
    {
        var text = source.Scalar(key);
        if (text is null) return fallback;
        return bool.TryParse(text, out var value) ? value : Fail($"{key} must be true or false, got '{text}'", fallback);
    }

    public string Choice(string key, string fallback, IReadOnlyList<string> allowed)
    {
        var text = source.Scalar(key);
        if (text is null) return fallback;
        return allowed.Contains(text) ? text : Fail($"{key} must be one of {string.Join(", ", allowed)}, got '{text}'", fallback);
    }

    /// <summary>A list of integers: a YAML list, or one comma-separated scalar ("16,32,64"); "[]" or "" is empty.</summary>
    public IReadOnlyList<int> IntList(string key, IReadOnlyList<int> fallback)
    {
        var items = source.List(key) ?? source.Scalar(key)?.Trim().Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items is null) return fallback;
        var values = new List<int>();
        foreach (var item in items)
        {
            if (int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) values.Add(v);
            else return Fail($"{key} must be a list of integers, got '{item}' in it", fallback);
        }
        return values;
    }

    /// <summary>Throws one <see cref="TrainingInputException"/> listing every problem found so far.</summary>
    public void ThrowIfAny(string what)
    {
        if (_problems.Count > 0)
            throw new TrainingInputException(new[] { $"invalid params for {what}:" }.Concat(_problems.Select(p => "  " + p)));
    }

    private T Fail<T>(string message, T fallback)
    {
        _problems.Add(message);
        return fallback;
    }
}
