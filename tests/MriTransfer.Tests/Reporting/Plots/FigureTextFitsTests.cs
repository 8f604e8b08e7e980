using MriTransfer.Reporting.Plots;
using ScottPlot;
using SkiaSharp;

namespace MriTransfer.Tests.Reporting.Plots;

/// <summary>At every allowed plot size, every figure's title, axis labels and legend fit, as SkiaSharp measures them, and nothing reaches the image's edge.</summary>
public sealed class FigureTextFitsTests(StressFigures figures) : IClassFixture<StressFigures>
{
    [Theory]
    [MemberData(nameof(StressFigures.Sizes), MemberType = typeof(StressFigures))]
    public void Given_any_allowed_plot_size_when_a_figure_is_rendered_then_every_title_line_is_no_wider_than_the_figure_less_its_margins(int width, int height)
    {
        foreach (var (name, figure, _) in figures.Rendered(new PlotSize(width, height)))
        {
            var title = figure.Title!.Label;
            var widest = title.Text.Split('\n').Max(line => SkiaText.LineWidth(title, line));
            Assert.True(widest <= width - 2 * figure.Style.Margin, $"{name} at {width}×{height}: title line {widest:0.0} px wide in a {width} px figure: '{title.Text}'");
        }
    }

    [Theory]
    [MemberData(nameof(StressFigures.Sizes), MemberType = typeof(StressFigures))]
    public void Given_any_allowed_plot_size_when_a_figure_is_rendered_then_each_axis_label_is_no_longer_than_its_axis(int width, int height)
    {
        foreach (var (name, figure, _) in figures.Rendered(new PlotSize(width, height)))
        {            var data = figure.Plot.LastRender.DataRect;

            foreach (var axis in figure.Plot.Axes.GetAxes().Where(a => !string.IsNullOrEmpty(a.Label.Text)))
            {
                var length = axis.Edge is Edge.Bottom or Edge.Top ? data.Width : data.Height;
                var longest = axis.Label.Text.Split('\n').Max(line => SkiaText.LineWidth(axis.Label, line));
                Assert.True(longest <= length, $"{name} at {width}×{height}: {axis.Edge} label '{axis.Label.Text}' is {longest:0.0} px along a {length:0.0} px axis");
            }
        }
    }

    [Theory]
    [MemberData(nameof(StressFigures.Sizes), MemberType = typeof(StressFigures))]
    public void Given_any_allowed_plot_size_when_a_figure_is_rendered_then_its_outermost_two_pixels_are_blank(int width, int height)
    {
        foreach (var (name, _, png) in figures.Rendered(new PlotSize(width, height)))
        {
            using var bitmap = SKBitmap.Decode(png);

            var ink = Border(bitmap).Where(p => Dark(bitmap.GetPixel(p.X, p.Y))).ToList();
            Assert.True(ink.Count == 0, $"{name} at {width}×{height}: {ink.Count} dark pixels on the image's edge, first at ({ink.FirstOrDefault().X}, {ink.FirstOrDefault().Y})");
        }
    }

    [Theory]
    [MemberData(nameof(StressFigures.Sizes), MemberType = typeof(StressFigures))]
    public void Given_any_allowed_plot_size_when_a_figure_has_a_legend_then_it_lies_below_the_data_area_inside_the_figure(int width, int height)
    {
        foreach (var (name, figure, _) in figures.Rendered(new PlotSize(width, height)).Where(f => f.Figure.Legend is not null))
        {            var data = figure.Plot.LastRender.DataRect;
            var legend = figure.Legend!.LastRect;

            Assert.True(legend.Top >= data.Bottom, $"{name} at {width}×{height}: legend top {legend.Top:0.0} is above the data area's bottom {data.Bottom:0.0}");
            Assert.True(legend.Left >= 0 && legend.Right <= figure.Size.Width && legend.Bottom <= figure.Size.Height,
                $"{name} at {width}×{height}: legend {legend} leaves the {figure.Size.Width}×{figure.Size.Height} figure");
            foreach (var item in figure.Legend.Items)
            {
                var style = new LabelStyle { FontName = item.LabelStyle.FontName, Bold = item.LabelStyle.Bold, FontSize = figure.Plot.Legend.FontSize!.Value };
                var widest = item.LabelText.Split('\n').Max(line => SkiaText.LineWidth(style, line));
                Assert.True(widest <= figure.Legend.MaxLabelWidth, $"{name} at {width}×{height}: legend label '{item.LabelText}' is {widest:0.0} px wide");
            }
        }
    }

    private static IEnumerable<(int X, int Y)> Border(SKBitmap b)
    {
        for (var d = 0; d < 2; d++)
        {
            for (var x = 0; x < b.Width; x++) { yield return (x, d); yield return (x, b.Height - 1 - d); }
            for (var y = 0; y < b.Height; y++) { yield return (d, y); yield return (b.Width - 1 - d, y); }
        }
    }

    private static bool Dark(SKColor c) => Math.Min(c.Red, Math.Min(c.Green, c.Blue)) < 160;
}
