using MriTransfer.Evaluation;
using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// Balanced accuracy against the fraction of labelled BT training data, one line per variant (any number: colours and
/// marker shapes both cycle), mean over seeds with its seeds × patients bootstrap interval (± sd over seeds for a summary
/// written without intervals), the bars cut at 0 and 1, on an axis from 0 to 1 with the chance level drawn.
/// </summary>
public static class LearningCurvePlot
{
    public const string FileName = "learning_curve.png";
    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare];

    public static PlotImage Render(IReadOnlyList<LearningCurvePoint> points, int classes, PlotSize size) =>
        Build(points, classes, size).Render(FileName, WithIntervals(points)
            ? "Balanced accuracy against labelled fraction, mean over seeds with bootstrap intervals over seeds and test patients"
            : "Balanced accuracy against labelled fraction, mean ± sd over seeds");

    private static bool WithIntervals(IReadOnlyList<LearningCurvePoint> points) => points.Count > 0 && points.All(p => p.Ci is not null);

    internal static Figure Build(IReadOnlyList<LearningCurvePoint> points, int classes, PlotSize size)
    {
        var figure = new Figure(size);
        var plot = figure.Plot;
        var index = 0;
        var intervals = WithIntervals(points);
        foreach (var group in points.GroupBy(p => p.Variant).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(p => p.Fraction).ToList();
            var xs = ordered.Select(p => p.Fraction).ToArray();
            var ys = ordered.Select(p => p.MeanBalancedAccuracy).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = group.Key;
            line.LineWidth = figure.Style.LineWidth * 1.5f;
            line.MarkerShape = Shapes[index % Shapes.Length];
            line.MarkerSize = 7 * figure.Style.Scale;
            var errors = ordered.Select(p => intervals
                ? (Below: Math.Max(0, p.MeanBalancedAccuracy - Math.Max(0, p.Ci!.Lower)), Above: Math.Max(0, Math.Min(1, p.Ci.Upper) - p.MeanBalancedAccuracy))
                : AccuracyAxis.ClippedError(p.MeanBalancedAccuracy, p.SdBalancedAccuracy ?? 0)).ToList();
            var bars = plot.Add.ErrorBar(xs, ys, errors.Select(e => e.Above).ToArray());
            bars.YErrorNegative = errors.Select(e => e.Below).ToArray();
            bars.Color = line.Color;
            bars.LineWidth = figure.Style.LineWidth;
            index++;
        }
        AccuracyAxis.ChanceLine(plot, classes, plot.Axes.Left, figure.Style);
        plot.Axes.SetLimitsX(0, 1.05);
        AccuracyAxis.Clamp(plot, plot.Axes.Left);
        return figure.WithTitle(intervals
                ? "Learning curve: balanced accuracy vs labelled fraction (mean over seeds, CI over seeds and patients)"
                : "Learning curve: balanced accuracy vs labelled fraction (mean ± sd over seeds)")
            .WithXLabel("fraction of labelled BT training subjects").WithYLabel("balanced accuracy").WithLegendBelow();
    }
}
