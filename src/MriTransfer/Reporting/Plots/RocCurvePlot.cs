using MriTransfer.Evaluation;
using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// One-vs-rest ROC curves of one variant, one line per class (classes absent from the test set are skipped and named),
/// the chance diagonal drawn and named, the legend below the axes.
/// </summary>
public static class RocCurvePlot
{
    public static string FileName(string variant) => $"roc_{TrainingCurvePlot.Safe(variant)}.png";

    public static PlotImage Render(string variant, IReadOnlyList<string> classes, IReadOnlyList<SubjectPrediction> predictions, PlotSize size) =>
        Build(variant, classes, predictions, size).Render(FileName(variant), $"{variant}: one-vs-rest ROC curves on the BT test subjects");

    internal static Figure Build(string variant, IReadOnlyList<string> classes, IReadOnlyList<SubjectPrediction> predictions, PlotSize size)
    {
        var figure = new Figure(size);
        var plot = figure.Plot;
        var skipped = new List<string>();
        for (var c = 0; c < classes.Count; c++)
        {
            var positive = predictions.Select(p => p.TrueLabel == classes[c]).ToList();
            var scores = predictions.Select(p => p.Probabilities[c]).ToList();
            var auc = RocAuc.MannWhitney(positive, scores);
            if (auc.Value is null) { skipped.Add(classes[c]); continue; }
            var curve = RocAuc.Curve(positive, scores);
            var line = plot.Add.Scatter(curve.Select(p => p.Fpr).ToArray(), curve.Select(p => p.Tpr).ToArray());
            line.LegendText = $"{classes[c]} (AUC {auc.Value:0.000})";
            line.LineWidth = 1.5f * figure.Style.LineWidth;
        }
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.Color = Colors.Gray;
        chance.MarkerSize = 0;
        chance.LineWidth = 1.5f * figure.Style.LineWidth;
        chance.LegendText = "chance (AUC 0.5)";
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        return figure
            .WithTitle(skipped.Count == 0 ? $"{variant}: one-vs-rest ROC" : $"{variant}: one-vs-rest ROC (no curve for {string.Join(", ", skipped)}: absent)")
            .WithXLabel("false-positive rate").WithYLabel("true-positive rate").WithLegendBelow();
    }
}
