using MriTransfer.Evaluation;
using static MriTransfer.Reporting.ReportBuilder;

namespace MriTransfer.Reporting;

/// <summary>The report's tables and text sections, built from the evaluation summary and the inputs.</summary>
internal static class ReportSections
{
    public static void Results(ReportDocument doc, EvaluationSummary s)
    {
        var level = $"{s.CiLevel * 100:0.#} % CI";
        doc.Heading("Results on the BT test subjects")
            .Paragraph($"{s.TestSubjects} held-out BT test scans{Patients(s)}, classes {string.Join(", ", s.Classes)}; intervals are patient-level percentile bootstrap " +
                       $"(a patient's scans are drawn together), {s.Resamples} resamples. They cover the test patients of one training seed; the learning curve's also cover training seeds.")
            .Table(["variant", "kind", "accuracy", "balanced accuracy", level, "macro-F1", "macro ROC-AUC"],
                s.Variants.Select(v => (IReadOnlyList<string>)[v.Name, v.Kind, F(v.Accuracy), F(v.BalancedAccuracy), Ci(v.BalancedAccuracyCi), F(v.MacroF1),
                    F(v.MacroRocAuc) + (v.MacroRocAucNote is null ? "" : $" ({v.MacroRocAucNote})")]));
        if (s.MissingVariants.Count > 0)
            doc.Paragraph($"Missing variants (not given to Evaluate, so not in this report): {string.Join(", ", s.MissingVariants)}.");

        doc.Heading($"Paired comparisons against {s.Baseline}");
        if (s.Comparisons.Count == 0) doc.Paragraph(s.ComparisonsNote ?? "No comparisons were computed.");
        else
            doc.Paragraph("Same test scans for both arms. The interval is a paired patient-cluster bootstrap (the same resampled patients for both arms); " +
                          "p is a patient-level paired permutation test (each patient's predictions swapped between the two arms at random), " +
                          $"Holm-adjusted over the {s.Comparisons.Count} comparisons shown. The scans only one arm got right are counted for reference " +
                          "(McNemar's test on them would treat a patient's two scans as independent).")
                .Table(["comparison", "Δ balanced accuracy", level, "p (patients)", "Holm p", "only variant right", "only baseline right"],
                    s.Comparisons.Select(c => (IReadOnlyList<string>)[$"{c.Variant} vs {c.Baseline}", F(c.BalancedAccuracyDifference, "+0.000;−0.000;0.000"),
                        Ci(c.Ci), F(c.PermutationP, "0.0000"), F(c.HolmP, "0.0000"), c.VariantOnlyCorrect.ToString(), c.BaselineOnlyCorrect.ToString()]));
    }

    private static string Patients(EvaluationSummary s) =>
        s.TestPatients is { } n ? $" of {n} patients ({s.PatientsWithRepeats ?? 0} scanned twice or more)" : "";

    /// <summary>
    /// What each arm's training did, from its training.json: gradient steps, epochs, learning rate(s) and how far its
    /// encoder's weights moved (‖Δθ‖ / ‖θ‖); "—" where an arm does not record a key.
    /// </summary>
    public static void Budgets(ReportDocument doc, EvaluationSummary s, IReadOnlyDictionary<string, string> stageDirs)
    {
        var rows = s.Variants.Select(v => TrainingBudget.Read(v.Name, stageDirs.GetValueOrDefault(v.Name))).ToList();
        doc.Heading("Training budget of each arm")
            .Paragraph("Read from each arm's training.json; the relative weight change of the encoder (or backbone) is ‖θ_after − θ_before‖ / ‖θ_before‖: 0 for a frozen one.")
            .Table(["arm", "gradient steps", "epochs", "learning rate(s)", "encoder relative change"],
                rows.Select(r => (IReadOnlyList<string>)[r.Arm, r.Steps, r.Epochs, r.LearningRates, r.EncoderRelativeChange]));
    }

    public static void Transfer(ReportDocument doc, EvaluationSummary s)
    {
        doc.Heading("How well does the AD representation transfer?");
        doc.Paragraph(s.ProbeBalancedAccuracy is { } probe
            ? $"Linear probe (multinomial logistic regression) on frozen AD-encoder features: balanced accuracy {F(probe)} ({Ci(s.ProbeCi)}) on BT test."
            : $"Linear probe: not computed ({s.ProbeNote}).");
        doc.Paragraph(s.AdValMse is { } ad && s.BtTestMse is { } bt
            ? $"Autoencoder reconstruction error (MSE): AD validation {ad:G4}, BT test {bt:G4} (BT/AD ratio {bt / ad:0.00}; above 1 means BT brains are reconstructed worse than the AD brains the autoencoder learned from)."
            : $"Reconstruction error: not computed ({s.ReconstructionNote}).");
    }

    public static void LearningCurveTable(ReportDocument doc, IReadOnlyList<LearningCurvePoint> points, double ciLevel) =>
        doc.Table(["variant", "label fraction", "seeds", "pretraining seeds", "mean balanced accuracy", "sd", $"{ciLevel * 100:0.#} % CI (seeds × patients)"],
            points.Select(p => (IReadOnlyList<string>)[p.Variant, F(p.Fraction, "0.###"), p.Seeds.ToString(), p.PretrainSeeds == 0 ? "–" : p.PretrainSeeds.ToString(),
                F(p.MeanBalancedAccuracy), F(p.SdBalancedAccuracy), Ci(p.Ci)]));

    public static void LearningCurveDifferences(ReportDocument doc, IReadOnlyList<LearningCurveDifference> differences, double ciLevel)
    {
        if (differences.Count == 0) return;
        doc.Paragraph("Each arm minus the baseline at each label fraction: mean over its cells, hierarchical bootstrap (training seeds and pretraining seeds, " +
                      $"then test patients, paired by training seed), two-sided bootstrap p, Holm-adjusted over the {differences.Count} differences shown.")
            .Table(["comparison", "label fraction", "seeds", "Δ balanced accuracy", $"{ciLevel * 100:0.#} % CI", "p", "Holm p"],
                differences.Select(d => (IReadOnlyList<string>)[$"{d.Variant} vs {d.Baseline}", F(d.Fraction, "0.###"), d.Seeds.ToString(),
                    F(d.Difference, "+0.000;−0.000;0.000"), Ci(d.Ci), F(d.PValue, "0.0000"), F(d.HolmPValue, "0.0000")]));
    }

    public static void Provenance(ReportDocument doc, ReportInputs inputs, MachineInfo machine)
    {
        var run = ProvenanceReport.Read(inputs.ProvenanceFile);
        doc.Heading("Provenance");
        doc.Table(["item", "value"],
        [
            ["pipeline.lock", inputs.LockFile is { } l && File.Exists(l) ? $"sha256 {ShortHash(l)}" : run?.LockRow ?? "not given"],
            ["pipeline fingerprint", inputs.PipelineFingerprint ?? "not given"],
            ["machine", $"{machine.Cores} cores, {machine.OperatingSystem}"],
            ["CPU", machine.Cpu],
            ["libtorch kernels", machine.Kernels],
            [".NET", machine.DotNet],
            ["TorchSharp", machine.TorchSharp],
            .. run?.Rows ?? [],
        ]);
        run?.AddTables(doc);
        doc.Heading("Params used", 3);
        doc.Code(inputs.ParamsFile is { } p && File.Exists(p) ? File.ReadAllText(p) : "(params file not given)");
    }
}
