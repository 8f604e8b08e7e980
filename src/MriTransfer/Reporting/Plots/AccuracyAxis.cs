using System.Globalization;
using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// An axis of (balanced) accuracy: its limits are exactly [0, 1] whatever the data (a poor run or a wide error bar
/// never stretches it below 0), and the chance level, 1 / classes, is drawn as a dashed grey line named in the legend.
/// </summary>
public static class AccuracyAxis
{
    public static void Clamp(Plot plot, IYAxis axis) => plot.Axes.SetLimitsY(0, 1, axis);

    /// <summary>Chance balanced accuracy: a classifier that ignores its input is right on 1 / classes of each class on average.</summary>
    public static double ChanceLevel(int classes) => classes >= 1
        ? 1.0 / classes
        : throw new ArgumentOutOfRangeException(nameof(classes), $"the chance level needs at least one class, got {classes}");

    public static ScottPlot.Plottables.HorizontalLine ChanceLine(Plot plot, int classes, IYAxis axis, PlotStyle style, string legendSuffix = "")
    {
        var chance = ChanceLevel(classes);
        var line = plot.Add.HorizontalLine(chance, 1.5f * style.LineWidth, Colors.Gray, LinePattern.Dashed);
        line.Axes.YAxis = axis;
        line.LegendText = $"chance: 1/{classes} classes = {chance.ToString("0.###", CultureInfo.InvariantCulture)}{legendSuffix}";
        return line;
    }

    /// <summary>Error-bar ends cut at 0 and 1 (mean ± sd can leave the range an accuracy lives in): the (below, above) lengths.</summary>
    public static (double Below, double Above) ClippedError(double value, double error) =>
        (value - Math.Max(0, value - error), Math.Min(1, value + error) - value);
}
