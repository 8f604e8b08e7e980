using System.Globalization;
using MriTransfer.Evaluation;

namespace MriTransfer.Reporting;

/// <summary>
/// The report's plain-words answer. The verb follows the numbers: "raised"/"lowered" only when the whole confidence
/// interval of the difference lies above/below zero and, when a Holm-adjusted p-value is given, it is below
/// 1 − the confidence level; otherwise "was not distinguishable from". Every sentence carries its uncertainty (the
/// patient-level interval, the permutation and Holm p) and says at which label fraction it holds.
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
        "bt_head" => "a classifier head on the frozen encoder self-pretrained on BT train (the in-domain control)",
        "bt_finetune" => "fine-tuning the encoder self-pretrained on BT train (the in-domain control)",
        _ => $"variant '{variant}'",
    };

    public static string Sentence(ComparisonSummary c, double ciLevel) =>
        Sentence(Describe(c.Variant), Describe(c.Baseline), c.BalancedAccuracyDifference, c.Ci, c.PermutationP, c.HolmP, ciLevel, "On this data");

    /// <summary>One difference in plain words; <paramref name="opening"/> says where it holds ("On this data", "At label fraction 0.5").</summary>
    public static string Sentence(string variant, string baseline, double difference, ConfidenceInterval? ci, double? p, double? holm,
        double ciLevel, string opening)
    {
        var level = (ciLevel * 100).ToString("0.#", CultureInfo.InvariantCulture);
        var points = Points(Math.Abs(difference));
        if (ci is null)
            return $"{opening}, {variant} changed balanced accuracy relative to {baseline} by {Signed(difference)} percentage points, but no confidence interval could be computed, so the difference is not established.";
        var interval = $"{level} % CI {Signed(ci.Lower * 100, raw: true)} to {Signed(ci.Upper * 100, raw: true)} points";
        var tests = Tests(p, holm);
        var heldUp = holm is not { } h || h < 1 - ciLevel;
        if (ci.Lower > 0 && heldUp)
            return $"{opening}, {variant} raised balanced accuracy over {baseline} by {points} percentage points ({interval}{tests}).";
        if (ci.Upper < 0 && heldUp)
            return $"{opening}, {variant} lowered balanced accuracy relative to {baseline} by {points} percentage points ({interval}{tests}).";
        var why = ci.Lower > 0 || ci.Upper < 0 ? $"which excludes 0, but the Holm-adjusted p is not below {P(1 - ciLevel)}" : "which covers 0";
        return $"{opening}, {variant} was not distinguishable from {baseline} in balanced accuracy " +
               $"(difference {Signed(difference)} percentage points, {interval}, {why}{tests}).";
    }

    /// <summary>
    /// The opening answer: the headline variant's comparison when present (at <paramref name="labelFraction"/>, the
    /// default run's label fraction, one training seed), otherwise a sentence saying what is missing.
    /// </summary>
    public static string Answer(EvaluationSummary summary, string headlineVariant, double? labelFraction = null)
    {
        var comparison = summary.Comparisons.FirstOrDefault(c => c.Variant == headlineVariant) ?? summary.Comparisons.FirstOrDefault();
        if (comparison is not null)
        {
            var sentence = Sentence(comparison, summary.CiLevel);
            if (labelFraction is not { } f) return sentence;
            var patients = summary.TestPatients is { } n ? $"{n} test patients ({summary.TestSubjects} scans)" : $"{summary.TestSubjects} test scans";
            return sentence + $" Measured at label fraction {Fraction(f)} with one training seed: the interval resamples the {patients}, not training variance.";
        }
        var missing = summary.MissingVariants.Count > 0 ? $" Missing variants: {string.Join(", ", summary.MissingVariants)}." : "";
        return $"No pretrained variant could be compared with the baseline '{summary.Baseline}': {summary.ComparisonsNote ?? "no comparison was computed"}.{missing}";
    }

    /// <summary>
    /// The learning curve's answer for one variant: its difference from the baseline at every fraction (seeds and
    /// patients resampled, Holm over every difference shown), and the fractions at which the difference holds up.
    /// Null when the curve has no difference for the variant.
    /// </summary>
    public static string? CurveAnswer(IReadOnlyList<LearningCurveDifference> differences, string variant, double ciLevel)
    {
        var rows = differences.Where(d => d.Variant == variant).OrderBy(d => d.Fraction).ToList();
        if (rows.Count == 0) return null;
        var held = rows.Where(d => d.Ci is { } ci && (ci.Lower > 0 || ci.Upper < 0) && d.HolmPValue is { } h && h < 1 - ciLevel).ToList();
        var pretrainSeeds = rows.Max(d => d.PretrainSeeds);
        var seeds = rows.Min(d => d.Seeds) + " training seeds" + (pretrainSeeds > 1 ? $" × {pretrainSeeds} pretraining seeds" : "");
        var per = string.Join(" ", rows.Select(d => Sentence(Describe(d.Variant), Describe(d.Baseline), d.Difference, d.Ci, d.PValue, d.HolmPValue, ciLevel,
            $"At label fraction {Fraction(d.Fraction)}")));
        var verdict = held.Count == 0
            ? $"Over {seeds} and the test patients, the difference from {Describe(rows[0].Baseline)} holds up at no label fraction."
            : $"Over {seeds} and the test patients, the difference from {Describe(rows[0].Baseline)} holds up at label fraction(s) " +
              $"{string.Join(", ", held.Select(d => Fraction(d.Fraction)))} ({(held.All(d => d.Difference > 0) ? "higher" : held.All(d => d.Difference < 0) ? "lower" : "mixed signs")}).";
        return verdict + " " + per;
    }

    private static string Tests(double? p, double? holm) =>
        (p, holm) switch
        {
            ({ } a, { } b) => $"; p = {P(a)}, Holm-adjusted p = {P(b)}",
            ({ } a, null) => $"; p = {P(a)}",
            (null, { } b) => $"; Holm-adjusted p = {P(b)}",
            _ => "",
        };

    private static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Fraction(double f) => f.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Points(double difference) => (difference * 100).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Signed(double value, bool raw = false)
    {
        var v = raw ? value : value * 100;
        return (v >= 0 ? "+" : "−") + Math.Abs(v).ToString("0.0", CultureInfo.InvariantCulture);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
