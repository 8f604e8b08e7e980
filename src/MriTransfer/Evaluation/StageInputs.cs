namespace MriTransfer.Evaluation;

/// <summary>Helpers for the '--input &lt;prefix&gt;&lt;name&gt;=path' convention (e.g. variant:finetune=..., history:Pretrain=...).</summary>
public static class StageInputs
{
    /// <summary>name → path for every input named '&lt;prefix&gt;&lt;name&gt;'; an empty or invalid name is an input error.</summary>
    public static IReadOnlyDictionary<string, string> WithPrefix(IReadOnlyDictionary<string, string> inputs, string prefix)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, path) in inputs)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var name = key[prefix.Length..];
            if (!EvaluateSettings.IsVariantName(name))
                throw new EvaluationInputException($"--input {key}=...: expected {prefix}<name> with a name of letters, digits, '_' or '-'");
            result[name] = path;
        }
        return result;
    }
}
