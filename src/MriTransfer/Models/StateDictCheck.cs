using TorchSharp;

namespace MriTransfer.Models;

/// <summary>
/// Compares the keys and shapes a module expects with those a checkpoint holds, and names every mismatch:
/// missing keys, unexpected keys and keys whose shapes differ.
/// </summary>
public static class StateDictCheck
{
    public static IReadOnlyDictionary<string, long[]> ShapesOf(torch.nn.Module module) =>
        module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape, StringComparer.Ordinal);

    public static IReadOnlyList<string> Mismatches(IReadOnlyDictionary<string, long[]> expected, IReadOnlyDictionary<string, long[]> found)
    {
        var problems = new List<string>();
        var missing = expected.Keys.Where(k => !found.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var unexpected = found.Keys.Where(k => !expected.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0) problems.Add($"missing keys: {string.Join(", ", missing)}");
        if (unexpected.Count > 0) problems.Add($"unexpected keys: {string.Join(", ", unexpected)}");
        foreach (var key in expected.Keys.Where(found.ContainsKey).Order(StringComparer.Ordinal))
            if (!expected[key].SequenceEqual(found[key]))
                problems.Add($"{key}: shape [{string.Join(", ", found[key])}] in the file, [{string.Join(", ", expected[key])}] expected");
        return problems;
    }
}
