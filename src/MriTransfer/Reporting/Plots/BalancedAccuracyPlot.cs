using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// Balanced accuracy per variant (bars) with its bootstrap confidence interval (asymmetric whiskers), on an axis from 0
/// to 1 with the chance level drawn; any number of variants, their names laid out to stay readable.
/// </summary>
public static class BalancedAccuracyPlot
{
    public const string FileName = "balanced_accuracy.png";

    public static PlotImage Render(IReadOnlyList<VariantSummary> variants, int classes, double ciLevel, PlotSize size) =>
        Build(variants, classes, ciLevel, size).Render(FileName, $"Balanced accuracy per variant with {ciLevel:0.##%} subject-level bootstrap intervals");

    internal static Figure Build(IReadOnlyList<VariantSummary> variants, int classes, double ciLevel, PlotSize size)
    {
        var figure = new Figure(size);
        var plot = figure.Plot;
        plot.Add.Bars(variants.Select((v, i) => new Bar { Position = i, Value = v.BalancedAccuracy, FillColor = Colors.SteelBlue }).ToList());
        var named = false;
        for (var i = 0; i < variants.Count; i++)
        {
            if (variants[i].BalancedAccuracyCi is not { } ci) continue;
            var whisker = Segment(plot, i, ci.Lower, i, ci.Upper, figure.Style);
            if (!named) whisker.LegendText = $"{ciLevel:0.##%} bootstrap CI";
            named = true;
            foreach (var y in new[] { ci.Lower, ci.Upper }) Segment(plot, i - 0.15, y, i + 0.15, y, figure.Style);
        }
        AccuracyAxis.ChanceLine(plot, classes, plot.Axes.Left, figure.Style);
        plot.Axes.SetLimitsX(-0.6, Math.Max(variants.Count, 1) - 0.4);
        AccuracyAxis.Clamp(plot, plot.Axes.Left);
        figure.WithCategories(plot.Axes.Bottom, variants.Select((_, i) => (double)i).ToList(), variants.Select(v => v.Name).ToList());
        return figure.WithTitle($"Balanced accuracy on BT test ({ciLevel:0.##%} bootstrap CI)").WithYLabel("balanced accuracy").WithLegendBelow();
    }

    private static ScottPlot.Plottables.LinePlot Segment(Plot plot, double x1, double y1, double x2, double y2, PlotStyle style)
    {
        var line = plot.Add.Line(x1, y1, x2, y2);
        line.Color = Colors.Black;
        line.LineWidth = 2 * style.LineWidth;
        line.MarkerSize = 0;
        return line;
    }
}
