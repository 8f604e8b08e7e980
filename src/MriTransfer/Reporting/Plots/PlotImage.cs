namespace MriTransfer.Reporting.Plots;

/// <summary>A rendered figure: a file name (within the report's plots/ folder), a caption and PNG bytes.</summary>
public sealed record PlotImage(string FileName, string Caption, byte[] Png);

/// <summary>Pixel size of every plot (report.plot_width × report.plot_height).</summary>
public sealed record PlotSize(int Width, int Height);
