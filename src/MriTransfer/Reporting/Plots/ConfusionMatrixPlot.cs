using System.Globalization;
using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// Confusion-matrix heatmap (rows true class, columns predicted class) with the count written in each cell, at the
/// largest size (up to 22 px at the default plot size) that the widest count fits its cell at, as measured. With many
/// classes the image grows taller than the configured height, as the reconstruction montage does with its rows.
/// </summary>
public static class ConfusionMatrixPlot
{
    public static string FileName(string variant) => $"confusion_{TrainingCurvePlot.Safe(variant)}.png";

    public static PlotImage Render(string variant, IReadOnlyList<string> classes, int[,] counts, PlotSize size) =>
        Build(variant, classes, counts, size).Render(FileName(variant), $"{variant}: confusion matrix on the BT test subjects");

    internal static Figure Build(string variant, IReadOnlyList<string> classes, int[,] counts, PlotSize size)
    {
        var k = classes.Count;
        // many classes in a short figure: it grows so that each row keeps room for its class name (two lines high)
        var rowPixels = 2 * PlotText.LineHeight(new LabelStyle { FontSize = PlotStyle.For(size).Tick });
        var figure = new Figure(size, size with { Height = Math.Max(size.Height, (int)MathF.Ceiling(k * rowPixels + 160)) });
        var plot = figure.Plot;
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
        var cells = new List<ScottPlot.Plottables.Text>();
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
            {
                var text = plot.Add.Text(counts[i, j].ToString(CultureInfo.InvariantCulture), j, k - 1 - i);
                text.LabelFontSize = 22 * figure.Style.Scale;
                text.LabelBold = true;
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = counts[i, j] > max / 2.0 ? Colors.White : Colors.Black;
                cells.Add(text);
            }
        var positions = Enumerable.Range(0, k).Select(i => (double)i).ToList();
        figure.WithCategories(plot.Axes.Bottom, positions, classes);
        figure.WithCategories(plot.Axes.Left, positions, classes.Reverse().ToList());
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.HideGrid();
        figure.OnLayout(render => FitCounts(cells, render, k, figure.Style.MinFont));
        return figure.WithTitle($"{variant}: confusion matrix (BT test)").WithXLabel("predicted class").WithYLabel("true class");
    }

    /// <summary>One size for every count: the largest (from the current one down) at which the widest count takes at most 80 % of a cell either way.</summary>
    private static bool FitCounts(List<ScottPlot.Plottables.Text> cells, RenderDetails render, int k, float smallest)
    {
        if (cells.Count == 0) return false;
        float cellWidth = render.DataRect.Width / k, cellHeight = render.DataRect.Height / k;
        var widest = cells.MaxBy(c => c.LabelText.Length)!;
        var size = cells[0].LabelFontSize; // only shrinks between layout passes, so they settle
        while (size > smallest)
        {
            var extent = PlotText.Measure(widest.LabelStyle, widest.LabelText, size);
            if (extent.Width <= 0.8f * cellWidth && extent.Height <= 0.8f * cellHeight) break;
            size -= 0.5f;
        }
        size = Math.Max(size, smallest);
        if (cells.All(c => c.LabelFontSize == size)) return false;
        cells.ForEach(c => c.LabelFontSize = size);
        return true;
    }
}
