using MriTransfer.Evaluation;
using MriTransfer.Imaging;
using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// Autoencoder reconstructions: one row per example subject (named, with its MSE, as the row's label), columns input /
/// reconstruction / |error| of the central axial slice (input and reconstruction share a grey scale per row; the
/// error has its own scale). The image grows taller with its rows so that each slice stays about square.
/// </summary>
public static class ReconstructionPlot
{
    public const string FileName = "reconstructions.png";
    private const double Step = 1.05, Span = 2 * Step + 1;

    public static PlotImage Render(IReadOnlyList<ReconstructionExample> examples, PlotSize size) =>
        Build(examples, size).Render(FileName, "Autoencoder input, reconstruction and absolute error for a few AD validation and BT test subjects");

    internal static Figure Build(IReadOnlyList<ReconstructionExample> examples, PlotSize size)
    {
        var rows = examples.Count;
        var labels = examples.Select(e => $"{e.Cohort.ToUpperInvariant()} {e.SubjectId}\nMSE {e.Mse:G3}").ToList();
        // a row is about as tall as a column is wide (the row labels measured, at most 30 % of the width as CategoryTicks
        // wraps them; 40 px for the axes' edges); 120 px for
        // the title and the column names; square units then keep each slice's shape exactly
        var tick = new LabelStyle { FontSize = PlotStyle.For(size).Tick };
        var labelWidth = Math.Min(0.3f * size.Width, labels.Select(l => PlotText.Measure(tick, l).Width).DefaultIfEmpty(0).Max());
        var rowPixels = Math.Max(40, (size.Width - labelWidth - 40) / Span);
        var figure = new Figure(size, size with { Height = Math.Max(size.Height, (int)(rowPixels * Math.Max(rows, 1) + 120)) });
        var plot = figure.Plot;
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
        }
        figure.WithCategories(plot.Axes.Left, Enumerable.Range(0, rows).Select(r => rows - 1 - r + 0.475).ToList(), labels);
        figure.WithCategories(plot.Axes.Bottom, [0.5, Step + 0.5, 2 * Step + 0.5], ["input", "reconstruction", "|error|"]);
        plot.Axes.SetLimits(-0.05, Span + 0.05, -0.05, Math.Max(rows, 1) + 0.0);
        plot.Axes.SquareUnits();
        plot.HideGrid();
        return figure.WithTitle("Autoencoder reconstructions (central axial slice)");
    }

    private static void Panel(Plot plot, double[,] image, int column, int row, IColormap colormap, ScottPlot.Range range)
    {
        var heatmap = plot.Add.Heatmap(image);
        heatmap.Colormap = colormap;
        heatmap.ManualRange = range;
        heatmap.Extent = HeatmapExtent.Cells(column * Step, column * Step + 1, row, row + 0.95, image.GetLength(1), image.GetLength(0));
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
