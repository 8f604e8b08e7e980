using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>Balanced accuracy per variant (bars) with its bootstrap confidence interval (error bars, asymmetric).</summary>
public static class BalancedAccuracyPlot
{
    public static PlotImage Render(IReadOnlyList<VariantSummary> variants, double ciLevel, PlotSize size)
    {
        var plot = new Plot();
        var bars = variants.Select((v, i) => new Bar { Position = i, Value = v.BalancedAccuracy, FillColor = Colors.SteelBlue }).ToList();
        plot.Add.Bars(bars);
        for (var i = 0; i < variants.Count; i++)
        {
            if (variants[i].BalancedAccuracyCi is not { } ci) continue;
            var whisker = plot.Add.Line(i, ci.Lower, i, ci.Upper);
            whisker.Color = Colors.Black;
            whisker.LineWidth = 2;
            foreach (var y in new[] { ci.Lower, ci.Upper })
            {
                var cap = plot.Add.Line(i - 0.15, y, i + 0.15, y);
                cap.Color = Colors.Black;
                cap.LineWidth = 2;
            }
        }
        plot.Axes.Bottom.SetTicks(variants.Select((_, i) => (double)i).ToArray(), variants.Select(v => v.Name).ToArray());
        plot.Axes.SetLimits(-0.6, variants.Count - 0.4, 0, 1.05);
        plot.Title($"Balanced accuracy on BT test ({ciLevel:0.##%} bootstrap CI)");
        plot.YLabel("balanced accuracy");
        return PlotImage.Render(plot, "balanced_accuracy.png", $"Balanced accuracy per variant with {ciLevel:0.##%} subject-level bootstrap intervals", size);
    }
}
