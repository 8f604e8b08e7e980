using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>Training and validation loss against epoch (and validation balanced accuracy on a right axis when recorded).</summary>
public static class TrainingCurvePlot
{
    public static PlotImage Render(string stageName, HistoryTable history, PlotSize size)
    {
        var plot = new Plot();
        var epochs = history.Column("epoch");
        foreach (var (column, label) in new[] { ("train_loss", "train loss"), ("val_loss", "validation loss") })
            if (history.Has(column))
            {
                var line = plot.Add.Scatter(epochs, history.Column(column));
                line.LegendText = label;
            }
        if (history.Has("val_balanced_accuracy"))
        {
            var accuracy = plot.Add.Scatter(epochs, history.Column("val_balanced_accuracy"));
            accuracy.LegendText = "validation balanced accuracy (right axis)";
            accuracy.LinePattern = LinePattern.Dashed;
            accuracy.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "balanced accuracy";
        }
        plot.Title($"{stageName}: training curves");
        plot.XLabel("epoch");
        plot.YLabel("loss");
        plot.ShowLegend();
        return PlotImage.Render(plot, $"history_{Safe(stageName)}.png", $"{stageName}: loss per epoch", size);
    }

    internal static string Safe(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
