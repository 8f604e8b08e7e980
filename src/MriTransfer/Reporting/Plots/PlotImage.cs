using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>A rendered figure: a file name (within the report's plots/ folder), a caption and PNG bytes.</summary>
public sealed record PlotImage(string FileName, string Caption, byte[] Png)
{
    public static PlotImage Render(Plot plot, string fileName, string caption, PlotSize size) =>
        new(fileName, caption, plot.GetImageBytes(size.Width, size.Height, ImageFormat.Png));
}

/// <summary>Pixel size of every plot (report.plot_width × report.plot_height).</summary>
public sealed record PlotSize(int Width, int Height);
