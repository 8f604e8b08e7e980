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
            .Paragraph($"{s.TestSubjects} held-out BT test subjects, classes {string.Join(", ", s.Classes)}; intervals are subject-level percentile bootstrap, {s.Resamples} resamples.")
            .Table(["variant", "kind", "accuracy", "balanced accuracy", level, "macro-F1", "macro ROC-AUC"],
                s.Variants.Select(v => (IReadOnlyList<string>)[v.Name, v.Kind, F(v.Accuracy), F(v.BalancedAccuracy), Ci(v.BalancedAccuracyCi), F(v.MacroF1),
                    F(v.MacroRocAuc) + (v.MacroRocAucNote is null ? "" : $" ({v.MacroRocAucNote})")]));
        if (s.MissingVariants.Count > 0)
            doc.Paragraph($"Missing variants (not given to Evaluate, so not in this report): {string.Join(", ", s.MissingVariants)}.");

        doc.Heading($"Paired comparisons against {s.Baseline}");
        if (s.Comparisons.Count == 0) doc.Paragraph(s.ComparisonsNote ?? "No comparisons were computed.");
        else
            doc.Paragraph("Same subjects for both variants: the interval resamples subjects once for both; McNemar's exact test uses the subjects only one of the two got right.")
                .Table(["comparison", "Δ balanced accuracy", level, "only variant right", "only baseline right", "McNemar p"],
                    s.Comparisons.Select(c => (IReadOnlyList<string>)[$"{c.Variant} vs {c.Baseline}", F(c.BalancedAccuracyDifference, "+0.000;−0.000;0.000"),
                        Ci(c.Ci), c.VariantOnlyCorrect.ToString(), c.BaselineOnlyCorrect.ToString(), F(c.McNemarP, "0.0000")]));
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

    public static void LearningCurveTable(ReportDocument doc, IReadOnlyList<LearningCurvePoint> points) =>
        doc.Table(["variant", "label fraction", "seeds", "mean balanced accuracy", "sd"],
            points.Select(p => (IReadOnlyList<string>)[p.Variant, F(p.Fraction, "0.###"), p.Seeds.ToString(), F(p.MeanBalancedAccuracy), F(p.SdBalancedAccuracy)]));

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
