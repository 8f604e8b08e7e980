using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// Font sizes for a figure of a given pixel size: ScottPlot's sizes at the report's default 900×550, scaled with the
/// smaller of the two ratios (never below 0.8×, never above 3×), so a 4000-pixel figure shown at page width keeps
/// readable text and a 300×200 one keeps room for its data. Text that still does not fit shrinks from these sizes,
/// never below <see cref="MinFont"/>.
/// </summary>
public sealed record PlotStyle(float Scale)
{
    public static PlotStyle For(PlotSize size) => new(Math.Clamp(Math.Min(size.Width / 900f, size.Height / 550f), 0.8f, 3f));

    public float Title => 16 * Scale;
    public float AxisLabel => 14 * Scale;
    public float Tick => 12 * Scale;
    public float Legend => 12 * Scale;
    public float MinFont => 7 * Math.Max(1, Scale);
    /// <summary>Space kept between text and the figure's edge.</summary>
    public float Margin => 6 * Scale;
    public float LineWidth => Math.Max(1, Scale);

    public void Apply(Plot plot)
    {
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = AxisLabel;
            axis.TickLabelStyle.FontSize = Tick;
        }
        plot.Legend.FontSize = Legend;
    }
}
