using System.Text;
using System.Text.Json;

namespace MriTransfer.Evaluation;

/// <summary>
/// Writes metrics.json (schema 2: intervals and tests at patient level, Holm-adjusted comparisons): keys always present and always in the same order (undefined values are null next to a
/// *_note saying why), rates rounded to 4 decimals, p-values to 6, MSEs to 6 significant digits.
/// </summary>
public static class MetricsJson
{
    public const int SchemaVersion = 2;

    public static string Serialize(EvaluationResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteNumber("schema", SchemaVersion);
            w.WriteNumber("test_subjects", r.TestSubjects);
            w.WriteNumber("test_patients", r.TestPatients);
            w.WriteNumber("test_patients_with_repeats", r.PatientsWithRepeats);
            WriteStrings(w, "classes", r.Classes);
            w.WriteStartObject("test_class_counts");
            foreach (var c in r.Classes) w.WriteNumber(c, r.TestClassCounts.GetValueOrDefault(c));
            w.WriteEndObject();
            w.WriteStartObject("bootstrap");
            w.WriteString("unit", "patient");
            w.WriteNumber("resamples", r.BootstrapResamples);
            w.WriteNumber("seed", r.Seed);
            w.WriteNumber("ci_level", r.CiLevel);
            w.WriteString("interval", "percentile");
            w.WriteString("covers", "test patients only, for one training seed (the learning curve intervals also cover training seeds)");
            w.WriteEndObject();
            w.WriteStartObject("paired_test");
            w.WriteString("test", "patient-level paired permutation: all scans of a patient swapped between the two arms at random, two-sided");
            w.WriteNumber("permutations", r.Permutations);
            w.WriteString("multiplicity", "Holm over the comparisons below (every arm vs the baseline)");
            w.WriteEndObject();
            w.WriteString("baseline", r.Baseline);
            WriteStrings(w, "missing_variants", r.MissingVariants);
            w.WriteStartObject("variants");
            foreach (var v in r.Variants) WriteVariant(w, v);
            w.WriteEndObject();
            w.WriteStartObject("comparisons");
            foreach (var c in r.Comparisons) WriteComparison(w, c);
            w.WriteEndObject();
            WriteNote(w, "comparisons_note", r.ComparisonsNote);
            WriteTransfer(w, r.Transfer);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void Write(string path, EvaluationResult result)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, Serialize(result));
        File.Move(temp, path, overwrite: true);
    }

    private static void WriteVariant(Utf8JsonWriter w, VariantMetrics v)
    {
        w.WriteStartObject(v.Name);
        w.WriteString("kind", v.Kind);
        w.WriteNumber("subjects", v.Subjects);
        Rate(w, "accuracy", v.Accuracy);
        Ci(w, "accuracy_ci", v.AccuracyCi);
        Rate(w, "balanced_accuracy", v.BalancedAccuracy);
        Ci(w, "balanced_accuracy_ci", v.BalancedAccuracyCi);
        Rate(w, "macro_f1", v.MacroF1);
        Ci(w, "macro_f1_ci", v.MacroF1Ci);
        Rate(w, "macro_roc_auc", v.RocAuc.Macro.Value);
        Ci(w, "macro_roc_auc_ci", v.MacroRocAucCi);
        WriteNote(w, "macro_roc_auc_note", v.RocAuc.Macro.Reason);
        w.WriteStartObject("per_class");
        for (var c = 0; c < v.Classes.Count; c++)
        {
            var s = v.PerClass[c];
            w.WriteStartObject(v.Classes[c]);
            w.WriteNumber("support", s.Support);
            w.WriteNumber("predicted", s.Predicted);
            Rate(w, "precision", s.Precision);
            Rate(w, "recall", s.Recall);
            Rate(w, "f1", s.F1);
            Rate(w, "roc_auc", v.RocAuc.PerClass[c].Value);
            WriteNote(w, "roc_auc_note", v.RocAuc.PerClass[c].Reason);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("confusion_matrix");
        w.WriteString("layout", "rows = true class, columns = predicted class, in 'classes' order");
        w.WriteStartArray("counts");
        for (var i = 0; i < v.Classes.Count; i++)
        {
            w.WriteStartArray();
            for (var j = 0; j < v.Classes.Count; j++) w.WriteNumberValue(v.ConfusionMatrix[i, j]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteComparison(Utf8JsonWriter w, PairedComparisonResult c)
    {
        w.WriteStartObject($"{c.Variant}_vs_{c.Baseline}");
        w.WriteString("variant", c.Variant);
        w.WriteString("baseline", c.Baseline);
        Rate(w, "balanced_accuracy_difference", c.BalancedAccuracyDifference);
        Ci(w, "balanced_accuracy_difference_ci", c.BalancedAccuracyDifferenceCi);
        Rate(w, "accuracy_difference", c.AccuracyDifference);
        w.WriteStartObject("permutation");
        w.WriteNumber("p_value", Math.Round(c.Permutation.PValue, 6));
        w.WriteNumber("permutations", c.Permutation.Permutations);
        w.WriteBoolean("exact", c.Permutation.Exact);
        w.WriteEndObject();
        if (c.HolmPValue is { } holm) w.WriteNumber("holm_p_value", Math.Round(holm, 6)); else w.WriteNull("holm_p_value");
        w.WriteStartObject("mcnemar");
        w.WriteString("unit", "scan (repeat scans counted as independent; for reference only)");
        w.WriteNumber("variant_only_correct", c.McNemar.OnlyFirstCorrect);
        w.WriteNumber("baseline_only_correct", c.McNemar.OnlySecondCorrect);
        w.WriteNumber("p_value", Math.Round(c.McNemar.PValue, 6));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTransfer(Utf8JsonWriter w, TransferSignals t)
    {
        w.WriteStartObject("transfer");
        if (t.LinearProbe is { } p)
        {
            w.WriteStartObject("linear_probe");
            w.WriteNumber("train_subjects", p.TrainSubjects);
            w.WriteNumber("test_subjects", p.TestSubjects);
            w.WriteNumber("feature_dimension", p.FeatureDimension);
            Rate(w, "accuracy", p.Accuracy);
            Rate(w, "balanced_accuracy", p.BalancedAccuracy);
            Ci(w, "balanced_accuracy_ci", p.BalancedAccuracyCi);
            Rate(w, "macro_f1", p.MacroF1);
            w.WriteNumber("final_training_loss", Significant(p.FinalTrainingLoss));
            w.WriteEndObject();
        }
        else w.WriteNull("linear_probe");
        WriteNote(w, "linear_probe_note", t.LinearProbeNote);
        if (t.Reconstruction is { } r)
        {
            w.WriteStartObject("reconstruction");
            WriteReconstruction(w, "ad_val", r.AdVal);
            WriteReconstruction(w, "bt_test", r.BtTest);
            w.WriteNumber("bt_to_ad_mse_ratio", Math.Round(r.BtToAdRatio, 4));
            w.WriteEndObject();
        }
        else w.WriteNull("reconstruction");
        WriteNote(w, "reconstruction_note", t.ReconstructionNote);
        w.WriteEndObject();
    }

    private static void WriteReconstruction(Utf8JsonWriter w, string name, ReconstructionSummary s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("subjects", s.Subjects);
        w.WriteNumber("mse_mean", Significant(s.MeanMse));
        if (s.SdMse is { } sd) w.WriteNumber("mse_sd", Significant(sd)); else w.WriteNull("mse_sd");
        w.WriteEndObject();
    }

    private static void Rate(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, Math.Round(v, 4)); else w.WriteNull(name);
    }

    /// <summary>An interval as [lower, upper] rounded to 4 decimals, or null (shared with learning_curve.json).</summary>
    internal static void Ci(Utf8JsonWriter w, string name, ConfidenceInterval? ci)
    {
        if (ci is null) { w.WriteNull(name); return; }
        w.WriteStartArray(name);
        w.WriteNumberValue(Math.Round(ci.Lower, 4));
        w.WriteNumberValue(Math.Round(ci.Upper, 4));
        w.WriteEndArray();
    }

    private static void WriteNote(Utf8JsonWriter w, string name, string? note)
    {
        if (note is null) w.WriteNull(name); else w.WriteString(name, note);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>Rounds to 6 significant digits (for MSEs and losses, whose scale is unknown).</summary>
    public static double Significant(double value, int digits = 6)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }
}
