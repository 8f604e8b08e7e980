using Pipeline.Errors;

namespace Pipeline.StageKit;

/// <summary>
/// The command line every stage receives from the engine (see docs/stage-contract.md); <c>--bind-only</c> (tests) asks
/// the stage to bind its params and stop.
/// </summary>
public sealed record StageArgs(string ParamsFile, string OutputDir, IReadOnlyDictionary<string, string> Inputs, bool BindOnly = false)
{
    public static StageArgs Parse(IReadOnlyList<string> args)
    {
        string? paramsFile = null, output = null;
        var bindOnly = false;
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--bind-only") { bindOnly = true; continue; }
            var value = i + 1 < args.Count ? args[i + 1] : throw new InputException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--params": paramsFile = value; i++; break;
                case "--output": output = value; i++; break;
                case "--input":
                    var eq = value.IndexOf('=');
                    if (eq <= 0) throw new InputException($"--input expects name=path, got '{value}'");
                    inputs[value[..eq]] = Path.GetFullPath(value[(eq + 1)..]);
                    i++;
                    break;
                default:
                    throw new InputException(
                        $"unknown argument '{args[i]}'; a stage takes --params <file> --output <dir> [--input name=path]... [--bind-only]");
            }
        }
        return new StageArgs(
            paramsFile ?? throw new InputException("--params <file> is required"),
            Path.GetFullPath(output ?? throw new InputException("--output <dir> is required")),
            inputs, bindOnly);
    }

    /// <summary>The path given for a declared input, or a clear error naming the missing one.</summary>
    public string Input(string name) =>
        Inputs.TryGetValue(name, out var path)
            ? path
            : throw new InputException(
                $"input '{name}' was not given; this stage needs --input {name}=<path> (declared inputs: {string.Join(", ", Inputs.Keys)})");

    public bool HasInput(string name) => Inputs.ContainsKey(name);

    /// <summary>
    /// name → path of every input named <c>&lt;prefix&gt;&lt;name&gt;</c> (e.g. <c>--input variant:head=…</c> gives "head"), the
    /// convention build/ uses for a set of like inputs; an empty name is a usage error.
    /// </summary>
    public IReadOnlyDictionary<string, string> InputsWithPrefix(string prefix)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, path) in Inputs.Where(i => i.Key.StartsWith(prefix, StringComparison.Ordinal)))
            result[key.Length > prefix.Length ? key[prefix.Length..] : throw new InputException($"--input {key}=...: expected {prefix}<name>")] = path;
        return result;
    }

    /// <summary>
    /// The instances of matrix inputs named <c>&lt;prefix&gt;&lt;name&gt;</c>, grouped by name: the engine passes every instance
    /// of a matrix upstream as <c>--input &lt;name&gt;/&lt;instance&gt;=…</c>. Instance names are the engine's and are not parsed:
    /// what an instance is (its matrix values) is for the stage to read from what the instance wrote.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> InstancesWithPrefix(string prefix) =>
        InputsWithPrefix(prefix)
            .GroupBy(i => i.Key.Contains('/') ? i.Key[..i.Key.IndexOf('/')] : throw new InputException($"--input {prefix}{i.Key}=...: expected {prefix}<name>/<instance>"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(i => i.Value).ToList(), StringComparer.Ordinal);
}
