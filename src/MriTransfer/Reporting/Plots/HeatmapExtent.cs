using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>ScottPlot's heatmap extent locates the centres of the edge cells; this converts the outer edges we want into it.</summary>
internal static class HeatmapExtent
{
    public static CoordinateRect Cells(double left, double right, double bottom, double top, int columns, int rows)
    {
        double halfWidth = (right - left) / columns / 2, halfHeight = (top - bottom) / rows / 2;
        return columns < 2 || rows < 2
            ? new CoordinateRect(left, right, bottom, top) // a single row/column has no centre-to-centre span; keep the edges
            : new CoordinateRect(left + halfWidth, right - halfWidth, bottom + halfHeight, top - halfHeight);
    }
}
