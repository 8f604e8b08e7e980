using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// Training and validation loss against epoch, and validation balanced accuracy (when recorded) on a right axis from
/// 0 to 1 with its chance level; the legend sits below the axes.
/// </summary>
public static class TrainingCurvePlot
{
    public static string FileName(string stageName) => $"history_{Safe(stageName)}.png";

    public static PlotImage Render(string stageName, HistoryTable history, int classes, PlotSize size) =>
        Build(stageName, history, classes, size).Render(FileName(stageName), $"{stageName}: loss per epoch");

    internal static Figure Build(string stageName, HistoryTable history, int classes, PlotSize size)
    {
        var figure = new Figure(size);
        var plot = figure.Plot;
        var epochs = history.Column("epoch");
        foreach (var (column, label) in new[] { ("train_loss", "train loss"), ("val_loss", "validation loss") })
            if (history.Has(column))
            {
                var line = plot.Add.Scatter(epochs, history.Column(column));
                line.LegendText = label;
                line.LineWidth = 1.5f * figure.Style.LineWidth;
            }
        if (history.Has("val_balanced_accuracy"))
        {
            var accuracy = plot.Add.Scatter(epochs, history.Column("val_balanced_accuracy"));
            accuracy.LegendText = "validation balanced accuracy (right axis)";
            accuracy.LinePattern = LinePattern.Dashed;
            accuracy.LineWidth = 1.5f * figure.Style.LineWidth;
            accuracy.Axes.YAxis = plot.Axes.Right;
            AccuracyAxis.ChanceLine(plot, classes, plot.Axes.Right, figure.Style, legendSuffix: " (right axis)");
            AccuracyAxis.Clamp(plot, plot.Axes.Right);
            figure.WithAxisLabel(plot.Axes.Right, "balanced accuracy");
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true }; // epochs are whole
        return figure.WithTitle($"{stageName}: training curves").WithXLabel("epoch").WithYLabel("loss").WithLegendBelow();
    }

    internal static string Safe(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
