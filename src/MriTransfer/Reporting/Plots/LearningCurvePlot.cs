using MriTransfer.Evaluation;
using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>Balanced accuracy against the fraction of labelled BT training data, one line per variant, mean ± sd over seeds.</summary>
public static class LearningCurvePlot
{
    public static PlotImage Render(IReadOnlyList<LearningCurvePoint> points, PlotSize size)
    {
        var plot = new Plot();
        foreach (var group in points.GroupBy(p => p.Variant).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(p => p.Fraction).ToList();
            var xs = ordered.Select(p => p.Fraction).ToArray();
            var ys = ordered.Select(p => p.MeanBalancedAccuracy).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = group.Key;
            var errors = plot.Add.ErrorBar(xs, ys, ordered.Select(p => p.SdBalancedAccuracy ?? 0).ToArray());
            errors.Color = line.Color;
        }
        plot.Title("Learning curve: balanced accuracy vs labelled fraction (mean ± sd over seeds)");
        plot.XLabel("fraction of labelled BT training subjects");
        plot.YLabel("balanced accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        return PlotImage.Render(plot, "learning_curve.png", "Balanced accuracy against labelled fraction, mean ± sd over seeds", size);
    }
}
