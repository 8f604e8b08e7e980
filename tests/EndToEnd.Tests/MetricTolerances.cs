namespace EndToEnd.Tests;

/// <summary>
/// How far a number in metrics.json may move between x86-64 machines, by metric family: the largest change seen
/// when libtorch was made to choose other kernels on one machine (ATen default/AVX2, oneDNN SSE4.1/AVX2, MKL AVX2,
/// an emulated AMD EPYC), rounded up — see benchmarks/reproducibility.md, "Spread of unpinned runs". With
/// runtime.reproducible_kernels on (the default, and the tiny profiles) the runs there were bit-identical; the
/// tolerance covers what one machine cannot prove (e.g. oneDNN blocking chosen from another CPU's cache sizes).
/// Families whose spread was zero (everything computed from predicted classes, counts, settings) compare exactly.
/// </summary>
public static class MetricTolerances
{
    private static readonly Dictionary<string, double> ByFamily = new(StringComparer.Ordinal)
    {
        // ranking scores from predicted probabilities: per-class AUC moves in steps of 1 / (positives × negatives)
        ["roc_auc"] = 0.09,
        ["macro_roc_auc"] = 0.025,
        ["macro_roc_auc_ci"] = 0.1,
        // the autoencoder's reconstruction error (values ≈ 2–4) and the linear probe's training loss
        ["mse_mean"] = 0.015,
        ["mse_sd"] = 0.001,
        ["bt_to_ad_mse_ratio"] = 0.003,
        ["final_training_loss"] = 0.007,
    };

    /// <summary>The tolerance of the number at <paramref name="path"/> (e.g. "variants.head.macro_roc_auc_ci[1]").</summary>
    public static double For(string path) => ByFamily.GetValueOrDefault(Family(path), 0.0);

    /// <summary>The last key of a path without its index: "variants.head.macro_roc_auc_ci[1]" → "macro_roc_auc_ci".</summary>
    public static string Family(string path)
    {
        var leaf = path[(path.LastIndexOf('.') + 1)..];
        var bracket = leaf.IndexOf('[');
        return bracket < 0 ? leaf : leaf[..bracket];
    }
}
