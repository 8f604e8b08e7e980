using System.Globalization;
using System.Security.Cryptography;
using MriTransfer.Evaluation;
using MriTransfer.Reporting.Plots;

namespace MriTransfer.Reporting;

/// <summary>
/// The Report stage's entry point: reads the Evaluate folder (metrics.json, predictions/, reconstructions/), each
/// stage's history.csv and the optional learning curve, renders the plots, and writes report.md, report.html
/// (self-contained) and plots/*.png into the output folder.
/// </summary>
public static class ReportBuilder
{
    public static ReportDocument Run(ReportSettings settings, ReportInputs inputs, MachineInfo machine, string outputDir, Action<string> progress)
    {
        settings.Validate();
        var size = new PlotSize(settings.PlotWidth, settings.PlotHeight);
        var metricsPath = Path.Combine(inputs.EvaluateDir, "metrics.json");
        if (!File.Exists(metricsPath)) throw new ReportInputException($"{metricsPath}: missing; is {inputs.EvaluateDir} the output of the Evaluate stage?");
        var summary = EvaluationSummary.Read(metricsPath);
        var doc = new ReportDocument("MriTransfer: does AD pretraining help brain-tumour classification?");

        progress("writing the answer and tables");
        IReadOnlyList<LearningCurvePoint>? points = null;
        IReadOnlyList<LearningCurveDifference> differences = [];
        if (inputs.LearningCurveDir is { } lcDir)
        {
            points = LearningCurve.ReadCsv(RequireFile(lcDir, "learning_curve.csv", "LearningCurveSummary"));
            differences = LearningCurve.ReadDifferences(Path.Combine(lcDir, LearningCurve.DifferencesFile));
        }
        doc.Heading("Answer");
        // with a learning curve the answer is the curve's (seeds and patients, at each fraction); the default run follows
        if (Headline.CurveAnswer(differences, settings.HeadlineVariant, summary.CiLevel) is { } curve) doc.Paragraph(curve, emphasis: true);
        doc.Paragraph(Headline.Answer(summary, settings.HeadlineVariant, LabelFraction(inputs, settings.HeadlineVariant)), emphasis: differences.Count == 0);
        foreach (var other in summary.Comparisons.Where(c => c.Variant != settings.HeadlineVariant))
            doc.Paragraph(Headline.Sentence(other, summary.CiLevel));
        if (points is not null)
        {
            doc.Heading("Learning curve").Figure(LearningCurvePlot.Render(points, summary.Classes.Count, size));
            ReportSections.LearningCurveTable(doc, points, summary.CiLevel);
            ReportSections.LearningCurveDifferences(doc, differences, summary.CiLevel);
        }
        ReportSections.Results(doc, summary);
        ReportSections.Budgets(doc, summary, inputs.HistoryDirs);
        ReportSections.Transfer(doc, summary);

        progress("rendering plots");
        doc.Heading("Figures");
        if (summary.Variants.Count > 0) doc.Figure(BalancedAccuracyPlot.Render(summary.Variants, summary.Classes.Count, summary.CiLevel, size));
        foreach (var v in summary.Variants) doc.Figure(ConfusionMatrixPlot.Render(v.Name, summary.Classes, v.Confusion, size));
        foreach (var v in summary.Variants)
        {
            var (classes, rows) = PredictionsCsv.Read(RequireFile(Path.Combine(inputs.EvaluateDir, "predictions"), v.Name + ".csv", "Evaluate"));
            doc.Figure(RocCurvePlot.Render(v.Name, classes, rows, size));
        }
        foreach (var (name, dir) in inputs.HistoryDirs.OrderBy(h => h.Key, StringComparer.Ordinal))
            doc.Figure(TrainingCurvePlot.Render(name, HistoryTable.Read(RequireFile(dir, "history.csv", name)), summary.Classes.Count, size));
        var examples = ReconstructionExamples.Read(Path.Combine(inputs.EvaluateDir, "reconstructions"));
        if (examples.Count > 0)
        {
            doc.Figure(ReconstructionPlot.Render(examples, size));
            if (inputs.HistoryDirs.TryGetValue("pretrain", out var pretrainDir) && ReconstructionCaption.Of(pretrainDir) is { } caption)
                doc.Paragraph(caption);
        }
        else doc.Paragraph("No autoencoder reconstructions were saved by Evaluate (" + (summary.ReconstructionNote ?? "evaluate.reconstruction_examples is 0") + ").");

        if (inputs.CohortDirs is { Count: > 0 } cohorts) ExcludedSubjectsSection.Add(doc, cohorts);
        ReportSections.Provenance(doc, inputs, machine);
        Write(doc, outputDir);
        return doc;
    }

    /// <summary>The label fraction the headline arm was trained on (its training.json), null when not recorded.</summary>
    private static double? LabelFraction(ReportInputs inputs, string variant)
    {
        if (!inputs.HistoryDirs.TryGetValue(variant, out var dir) || !File.Exists(Path.Combine(dir, "training.json"))) return null;
        try { return Models.TrainingRecord.Read(dir).LabelFraction; }
        catch (Exception e) when (e is Pipeline.Errors.InputException or IOException or System.Text.Json.JsonException) { return null; }
    }

    /// <summary>A short, stable fingerprint of a file's content: the first 12 hex digits of its SHA-256.</summary>
    public static string ShortHash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))[..12];

    private static void Write(ReportDocument doc, string outputDir)
    {
        var plots = Directory.CreateDirectory(Path.Combine(outputDir, "plots")).FullName;
        foreach (var image in doc.Figures) File.WriteAllBytes(Path.Combine(plots, image.FileName), image.Png);
        File.WriteAllText(Path.Combine(outputDir, "report.md"), MarkdownReport.Render(doc));
        File.WriteAllText(Path.Combine(outputDir, "report.html"), HtmlReport.Render(doc));
    }

    private static string RequireFile(string dir, string file, string producer)
    {
        var path = Path.Combine(dir, file);
        return File.Exists(path) ? path : throw new ReportInputException($"{path}: missing; expected {file} from {producer} in {dir}");
    }

    internal static string F(double? value, string format = "0.000;−0.000;0.000") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    internal static string Ci(ConfidenceInterval? ci) => ci is null ? "n/a" : $"{F(ci.Lower)} to {F(ci.Upper)}";
}
