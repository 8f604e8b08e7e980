using System.Text.Json;
using MriTransfer.Evaluation;

namespace MriTransfer.Reporting;

public sealed record VariantSummary(string Name, string Kind, double Accuracy, double BalancedAccuracy, ConfidenceInterval? BalancedAccuracyCi,
    double MacroF1, double? MacroRocAuc, string? MacroRocAucNote, int[,] Confusion);

/// <summary>One arm against the baseline: the patient-cluster bootstrap interval, the patient-level permutation p and its Holm adjustment.</summary>
public sealed record ComparisonSummary(string Variant, string Baseline, double BalancedAccuracyDifference, ConfidenceInterval? Ci,
    int VariantOnlyCorrect, int BaselineOnlyCorrect, double McNemarP, double? PermutationP = null, double? HolmP = null);

/// <summary>What the report needs from an Evaluate folder's metrics.json.</summary>
public sealed record EvaluationSummary(
    IReadOnlyList<string> Classes, int TestSubjects, double CiLevel, int Resamples, string Baseline,
    IReadOnlyList<VariantSummary> Variants, IReadOnlyList<string> MissingVariants,
    IReadOnlyList<ComparisonSummary> Comparisons, string? ComparisonsNote,
    double? ProbeBalancedAccuracy, ConfidenceInterval? ProbeCi, string? ProbeNote,
    double? AdValMse, double? BtTestMse, string? ReconstructionNote,
    int? TestPatients = null, int? PatientsWithRepeats = null)
{
    public static EvaluationSummary Read(string metricsPath)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(metricsPath));
            var root = doc.RootElement;
            var classes = root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToList();
            var variants = root.GetProperty("variants").EnumerateObject().Select(v => Variant(v, classes.Count)).ToList();
            var comparisons = root.GetProperty("comparisons").EnumerateObject().Select(c => new ComparisonSummary(
                c.Value.GetProperty("variant").GetString()!, c.Value.GetProperty("baseline").GetString()!,
                c.Value.GetProperty("balanced_accuracy_difference").GetDouble(), Ci(c.Value.GetProperty("balanced_accuracy_difference_ci")),
                c.Value.GetProperty("mcnemar").GetProperty("variant_only_correct").GetInt32(),
                c.Value.GetProperty("mcnemar").GetProperty("baseline_only_correct").GetInt32(),
                c.Value.GetProperty("mcnemar").GetProperty("p_value").GetDouble(),
                c.Value.TryGetProperty("permutation", out var perm) ? perm.GetProperty("p_value").GetDouble() : null,
                OptionalDouble(c.Value, "holm_p_value"))).ToList();
            var transfer = root.GetProperty("transfer");
            var probe = transfer.GetProperty("linear_probe");
            var recon = transfer.GetProperty("reconstruction");
            return new EvaluationSummary(classes, root.GetProperty("test_subjects").GetInt32(),
                root.GetProperty("bootstrap").GetProperty("ci_level").GetDouble(), root.GetProperty("bootstrap").GetProperty("resamples").GetInt32(),
                root.GetProperty("baseline").GetString()!, variants,
                root.GetProperty("missing_variants").EnumerateArray().Select(m => m.GetString()!).ToList(),
                comparisons, root.GetProperty("comparisons_note").GetString(),
                probe.ValueKind == JsonValueKind.Null ? null : probe.GetProperty("balanced_accuracy").GetDouble(),
                probe.ValueKind == JsonValueKind.Null ? null : Ci(probe.GetProperty("balanced_accuracy_ci")),
                transfer.GetProperty("linear_probe_note").GetString(),
                recon.ValueKind == JsonValueKind.Null ? null : recon.GetProperty("ad_val").GetProperty("mse_mean").GetDouble(),
                recon.ValueKind == JsonValueKind.Null ? null : recon.GetProperty("bt_test").GetProperty("mse_mean").GetDouble(),
                transfer.GetProperty("reconstruction_note").GetString(),
                root.TryGetProperty("test_patients", out var patients) ? patients.GetInt32() : null,
                root.TryGetProperty("test_patients_with_repeats", out var repeats) ? repeats.GetInt32() : null);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or JsonException or FormatException)
        {
            throw new ReportInputException($"{metricsPath}: not a metrics.json written by Evaluate (schema {MetricsJson.SchemaVersion}): {e.Message}");
        }
    }

    private static VariantSummary Variant(JsonProperty v, int k)
    {
        var e = v.Value;
        var counts = e.GetProperty("confusion_matrix").GetProperty("counts").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        var confusion = new int[k, k];
        for (var i = 0; i < k; i++) for (var j = 0; j < k; j++) confusion[i, j] = counts[i][j];
        var auc = e.GetProperty("macro_roc_auc");
        return new VariantSummary(v.Name, e.GetProperty("kind").GetString()!, e.GetProperty("accuracy").GetDouble(),
            e.GetProperty("balanced_accuracy").GetDouble(), Ci(e.GetProperty("balanced_accuracy_ci")), e.GetProperty("macro_f1").GetDouble(),
            auc.ValueKind == JsonValueKind.Null ? null : auc.GetDouble(), e.GetProperty("macro_roc_auc_note").GetString(), confusion);
    }

    private static double? OptionalDouble(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static ConfidenceInterval? Ci(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? null : new ConfidenceInterval(e[0].GetDouble(), e[1].GetDouble(), 0);
}
