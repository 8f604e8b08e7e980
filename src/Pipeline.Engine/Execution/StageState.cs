using System.Text;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Execution;

internal sealed record DependencyState(string Name, string Path, PathDigest? Digest);

/// <summary>
/// What a stage instance would be made from right now. Its fingerprint hashes, in canonical text form, exactly:
/// the command, each code part's hash, each dependency's name, path and content hash, each declared params
/// value and each declared environment variable — nothing else (no absolute paths, no times, no descriptions).
/// </summary>
internal sealed record StageState(
    string Command,
    CodeDigest Code,
    IReadOnlyList<DependencyState> Dependencies,
    IReadOnlyDictionary<string, ParamValue> Params,
    IReadOnlyDictionary<string, string> Environment)
{
    public string Fingerprint { get; } = ComputeFingerprint(Command, Code, Dependencies, Params, Environment);

    public IEnumerable<DependencyState> Missing => Dependencies.Where(d => d.Digest is null);

    private static string ComputeFingerprint(string command, CodeDigest code, IReadOnlyList<DependencyState> deps,
        IReadOnlyDictionary<string, ParamValue> parameters, IReadOnlyDictionary<string, string> environment)
    {
        var text = new StringBuilder();
        text.Append("command\t").Append(command).Append('\n');
        foreach (var (part, hash) in code.Parts.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append("code\t").Append(part).Append('\t').Append(hash).Append('\n');
        foreach (var d in deps.OrderBy(d => d.Name, StringComparer.Ordinal))
            text.Append("dep\t").Append(d.Name).Append('\t').Append(d.Path).Append('\t').Append(d.Digest?.Hash ?? "missing").Append('\n');
        foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append("param\t").Append(key).Append('\t').Append(value.Canonical).Append('\n');
        foreach (var (name, value) in environment.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append("env\t").Append(name).Append('\t').Append(value).Append('\n');
        return Hex.OfText(text.ToString());
    }
}
