using MriTransfer.Evaluation;
using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>One-vs-rest ROC curves of one variant, one line per class (classes absent from the test set are skipped and named).</summary>
public static class RocCurvePlot
{
    public static PlotImage Render(string variant, IReadOnlyList<string> classes, IReadOnlyList<SubjectPrediction> predictions, PlotSize size)
    {
        var plot = new Plot();
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
        }
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dotted;
        chance.Color = Colors.Gray;
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.Title(skipped.Count == 0 ? $"{variant}: one-vs-rest ROC" : $"{variant}: one-vs-rest ROC (no curve for {string.Join(", ", skipped)}: absent)");
        plot.XLabel("false-positive rate");
        plot.YLabel("true-positive rate");
        plot.ShowLegend(Alignment.LowerRight);
        return PlotImage.Render(plot, $"roc_{TrainingCurvePlot.Safe(variant)}.png", $"{variant}: one-vs-rest ROC curves on the BT test subjects", size);
    }
}
