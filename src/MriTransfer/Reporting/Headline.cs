using System.Globalization;

namespace MriTransfer.Reporting;

/// <summary>
/// The report's plain-words answer. The verb follows the numbers: "raised"/"lowered" only when the whole confidence
/// interval of the difference lies above/below zero; otherwise "was not distinguishable from".
/// </summary>
public static class Headline
{
    public static string Describe(string variant) => variant switch
    {
        "scratch" => "training from scratch",
        "head" => "a classifier head on the frozen AD-pretrained encoder",
        "finetune" => "fine-tuning the AD-pretrained encoder",
        "imagenet_head" => "a classifier head on the frozen ImageNet ResNet-18",
        "imagenet_finetune" => "fine-tuning the ImageNet ResNet-18",
        _ => $"variant '{variant}'",
    };

    public static string Sentence(ComparisonSummary c, double ciLevel)
    {
        var level = (ciLevel * 100).ToString("0.#", CultureInfo.InvariantCulture);
        var points = Points(Math.Abs(c.BalancedAccuracyDifference));
        var baseline = Describe(c.Baseline);
        if (c.Ci is not { } ci)
            return $"On this data, {Describe(c.Variant)} changed balanced accuracy relative to {baseline} by {Signed(c.BalancedAccuracyDifference)} percentage points, but no confidence interval could be computed, so the difference is not established.";
        var interval = $"{level} % CI {Signed(ci.Lower * 100, raw: true)} to {Signed(ci.Upper * 100, raw: true)} points";
        if (ci.Lower > 0)
            return $"On this data, {Describe(c.Variant)} raised balanced accuracy over {baseline} by {points} percentage points ({interval}).";
        if (ci.Upper < 0)
            return $"On this data, {Describe(c.Variant)} lowered balanced accuracy relative to {baseline} by {points} percentage points ({interval}).";
        return $"On this data, {Describe(c.Variant)} was not distinguishable from {baseline} in balanced accuracy " +
               $"(difference {Signed(c.BalancedAccuracyDifference)} percentage points, {interval}, which covers 0).";
    }

    /// <summary>The opening answer: the headline variant's comparison when present, otherwise a sentence saying what is missing.</summary>
    public static string Answer(EvaluationSummary summary, string headlineVariant)
    {
        var comparison = summary.Comparisons.FirstOrDefault(c => c.Variant == headlineVariant) ?? summary.Comparisons.FirstOrDefault();
        if (comparison is not null) return Sentence(comparison, summary.CiLevel);
        var missing = summary.MissingVariants.Count > 0 ? $" Missing variants: {string.Join(", ", summary.MissingVariants)}." : "";
        return $"No pretrained variant could be compared with the baseline '{summary.Baseline}': {summary.ComparisonsNote ?? "no comparison was computed"}.{missing}";
    }

    private static string Points(double difference) => (difference * 100).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Signed(double value, bool raw = false)
    {
        var v = raw ? value : value * 100;
        return (v >= 0 ? "+" : "−") + Math.Abs(v).ToString("0.0", CultureInfo.InvariantCulture);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
