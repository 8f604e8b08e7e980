using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>Confusion-matrix heatmap (rows true class, columns predicted class) with the count written in each cell.</summary>
public static class ConfusionMatrixPlot
{
    public static PlotImage Render(string variant, IReadOnlyList<string> classes, int[,] counts, PlotSize size)
    {
        var k = classes.Count;
        var plot = new Plot();
        // heatmap row 0 is drawn at the top, so row i (true class i) sits at y = k - 1 - i
        var intensities = new double[k, k];
        var max = 1;
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
            {
                intensities[i, j] = -counts[i, j]; // ScottPlot's Blues runs dark → light, so negate: more subjects, darker cell
                max = Math.Max(max, counts[i, j]);
            }
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues();
        heatmap.Extent = HeatmapExtent.Cells(-0.5, k - 0.5, -0.5, k - 0.5, k, k);
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
            {
                var text = plot.Add.Text(counts[i, j].ToString(System.Globalization.CultureInfo.InvariantCulture), j, k - 1 - i);
                text.LabelFontSize = 22;
                text.LabelBold = true;
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = counts[i, j] > max / 2.0 ? Colors.White : Colors.Black;
            }
        var positions = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, classes.ToArray());
        plot.Axes.Left.SetTicks(positions, classes.Reverse().ToArray());
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.Title($"{variant}: confusion matrix (BT test)");
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        return PlotImage.Render(plot, $"confusion_{TrainingCurvePlot.Safe(variant)}.png", $"{variant}: confusion matrix on the BT test subjects", size);
    }
}
