using MriTransfer.Evaluation;
using MriTransfer.Imaging;
using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// Autoencoder reconstructions: one row per example subject, columns input / reconstruction / |error| of the central
/// axial slice (input and reconstruction share a grey scale per row; the error has its own scale).
/// </summary>
public static class ReconstructionPlot
{
    public static PlotImage Render(IReadOnlyList<ReconstructionExample> examples, PlotSize size)
    {
        var plot = new Plot();
        var rows = examples.Count;
        for (var r = 0; r < rows; r++)
        {
            var e = examples[r];
            var input = CentralSlice(VolumeIO.Read(e.InputPath));
            var output = CentralSlice(VolumeIO.Read(e.OutputPath));
            var error = new double[input.GetLength(0), input.GetLength(1)];
            for (var i = 0; i < error.GetLength(0); i++)
                for (var j = 0; j < error.GetLength(1); j++) error[i, j] = Math.Abs(input[i, j] - output[i, j]);
            var range = new ScottPlot.Range(Math.Min(Min(input), Min(output)), Math.Max(Max(input), Max(output)));
            var y = rows - 1 - r;
            Panel(plot, input, 0, y, new ScottPlot.Colormaps.Grayscale(), range);
            Panel(plot, output, 1, y, new ScottPlot.Colormaps.Grayscale(), range);
            Panel(plot, error, 2, y, new ScottPlot.Colormaps.Turbo(), new ScottPlot.Range(0, Math.Max(Max(error), 1e-12)));
            var label = plot.Add.Text($"{e.Cohort.ToUpperInvariant()} {e.SubjectId}\nMSE {e.Mse:G3}", -0.1, y + 0.5);
            label.LabelAlignment = Alignment.MiddleRight;
            label.LabelFontSize = 13;
        }
        string[] titles = ["input", "reconstruction", "|error|"];
        plot.Axes.Bottom.SetTicks([0.5, 1.55, 2.6], titles);
        plot.Axes.Left.SetTicks([], []);
        plot.Axes.SetLimits(-1.2, 3.15, -0.1, rows + 0.05);
        plot.HideGrid();
        plot.Title("Autoencoder reconstructions (central axial slice)");
        return PlotImage.Render(plot, "reconstructions.png", "Autoencoder input, reconstruction and absolute error for a few AD validation and BT test subjects",
            size with { Height = Math.Max(size.Height, 220 * Math.Max(rows, 1)) });
    }

    private static void Panel(Plot plot, double[,] image, int column, int row, IColormap colormap, ScottPlot.Range range)
    {
        var heatmap = plot.Add.Heatmap(image);
        heatmap.Colormap = colormap;
        heatmap.ManualRange = range;
        heatmap.Extent = HeatmapExtent.Cells(column * 1.05, column * 1.05 + 1, row, row + 0.95, image.GetLength(1), image.GetLength(0));
    }

    /// <summary>Central z slice as [row = y from top, column = x].</summary>
    public static double[,] CentralSlice(Volume v)
    {
        var z = v.Nz / 2;
        var slice = new double[v.Ny, v.Nx];
        for (var y = 0; y < v.Ny; y++)
            for (var x = 0; x < v.Nx; x++) slice[v.Ny - 1 - y, x] = v[x, y, z];
        return slice;
    }

    private static double Min(double[,] a) => a.Cast<double>().Min();
    private static double Max(double[,] a) => a.Cast<double>().Max();
}
