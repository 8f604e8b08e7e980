using MriTransfer.Reporting.Plots;
using ScottPlot;

namespace MriTransfer.Tests.Reporting.Plots;

/// <summary>
/// Category labels (nine long variant names, eight long class names) at every allowed plot size: each label's box,
/// measured with SkiaSharp and placed as ScottPlot draws a tick label (anchor below the tick, alignment, rotation), lies
/// inside the figure and inside its axis panel, and no two boxes overlap.
/// </summary>
public sealed class CategoryLabelsTests(StressFigures figures) : IClassFixture<StressFigures>
{
    [Theory]
    [MemberData(nameof(StressFigures.Sizes), MemberType = typeof(StressFigures))]
    public void Given_many_long_category_names_when_laid_out_then_no_two_labels_overlap_and_none_leaves_the_figure_or_its_axis(int width, int height)
    {
        foreach (var (name, figure, _) in figures.Rendered(new PlotSize(width, height)))
            foreach (var categories in figure.Categories)
            {
                var render = figure.Plot.LastRender;
                var boxes = Boxes(categories.Axis, render);
                var where = $"{name} at {width}×{height}, {categories.Axis.Edge} axis ({categories.Chosen.Rotation}°, {categories.Chosen.FontSize:0.#} px)";

                Assert.True(categories.Chosen.FontSize >= figure.Style.MinFont, $"{where}: font below the minimum");
                Assert.Equal(categories.Chosen.Texts.Select(t => t.Replace("\n", "")), CategoryNames(name, categories.Axis.Edge));
                Assert.Equal(categories.Chosen.Texts, boxes.Select(b => b.Label)); // every label is drawn, and checked
                var panel = Panel(categories.Axis, render);
                foreach (var (label, corners) in boxes)
                    Assert.All(corners, c => Assert.True(Inside(c, render.FigureRect) && Inside(c, panel),
                        $"{where}: '{label}' reaches ({c.X:0.0}, {c.Y:0.0}), outside the figure {render.FigureRect} or its axis panel {panel}"));
                for (var i = 0; i < boxes.Count; i++)
                    for (var j = i + 1; j < boxes.Count; j++)
                        Assert.False(Overlap(boxes[i].Corners, boxes[j].Corners), $"{where}: '{boxes[i].Label}' overlaps '{boxes[j].Label}'");
            }
    }

    private static IEnumerable<string> CategoryNames(string figure, Edge edge) => (figure, edge) switch
    {
        ("balanced accuracy", _) => StressFigures.Variants,
        ("confusion matrix", Edge.Bottom) => StressFigures.Classes,
        ("confusion matrix", _) => StressFigures.Classes.Reverse(),
        ("reconstructions", Edge.Bottom) => ["input", "reconstruction", "|error|"],
        _ => Enumerable.Range(0, 4).Select(r => $"{(r < 2 ? "AD" : "BT")} subject-with-a-long-identifier-{r}MSE {0.00515 * (r + 1):G3}"),
    };

    /// <summary>Each tick label's four corners in figure pixels, as ScottPlot's AxisBase draws them.</summary>
    private static List<(string Label, Pixel[] Corners)> Boxes(IAxis axis, RenderDetails render)
    {
        var style = axis.TickLabelStyle;
        var data = render.DataRect;
        var boxes = new List<(string, Pixel[])>();
        foreach (var tick in axis.TickGenerator.Ticks.Where(t => !string.IsNullOrWhiteSpace(t.Label)))
        {
            var (w, h) = SkiaText.Size(style, tick.Label);
            var p = axis.GetPixel(tick.Position, data);
            // AxisBase: a bottom label hangs tick length + 2 px below the axis, upper-centre aligned unless rotated;
            // a left label sits tick length + 5 px left of it, middle-right aligned
            var (anchor, alignment) = axis.Edge == Edge.Bottom
                ? (new Pixel(p, data.Bottom + axis.MajorTickStyle.Length + 2), style.Rotation == 0 ? Alignment.UpperCenter : style.Alignment)
                : (new Pixel(data.Left - axis.MajorTickStyle.Length - 5, p), Alignment.MiddleRight);
            float fx = alignment.HorizontalFraction(), fy = 1 - alignment.VerticalFraction();
            var local = new[] { (-fx * w, -fy * h), ((1 - fx) * w, -fy * h), ((1 - fx) * w, (1 - fy) * h), (-fx * w, (1 - fy) * h) };
            var angle = style.Rotation * Math.PI / 180; // clockwise on screen (y down)
            boxes.Add((tick.Label, local.Select(c => new Pixel(
                anchor.X + (float)(c.Item1 * Math.Cos(angle) - c.Item2 * Math.Sin(angle)),
                anchor.Y + (float)(c.Item1 * Math.Sin(angle) + c.Item2 * Math.Cos(angle)))).ToArray()));
        }
        return boxes;
    }

    private static PixelRect Panel(IAxis axis, RenderDetails render)
    {
        var size = render.Layout.PanelSizes[axis];
        var d = render.DataRect;
        // along the axis the labels may use the whole figure; across it, only the panel's depth
        return axis.Edge == Edge.Bottom
            ? new PixelRect(render.FigureRect.Left, render.FigureRect.Right, d.Bottom + size + 0.5f, d.Bottom)
            : new PixelRect(d.Left - size - 0.5f, d.Left, render.FigureRect.Bottom, render.FigureRect.Top);
    }

    private static bool Inside(Pixel p, PixelRect r) => p.X >= r.Left - 0.5f && p.X <= r.Right + 0.5f && p.Y >= r.Top - 0.5f && p.Y <= r.Bottom + 0.5f;

    /// <summary>Separating-axis test for two convex quadrilaterals (touching is not overlapping).</summary>
    private static bool Overlap(Pixel[] a, Pixel[] b)
    {
        foreach (var poly in new[] { a, b })
            for (var i = 0; i < poly.Length; i++)
            {
                var (ex, ey) = (poly[(i + 1) % poly.Length].X - poly[i].X, poly[(i + 1) % poly.Length].Y - poly[i].Y);
                var (nx, ny) = (-ey, ex);
                float Min(Pixel[] q) => q.Min(p => p.X * nx + p.Y * ny);
                float Max(Pixel[] q) => q.Max(p => p.X * nx + p.Y * ny);
                var length = MathF.Sqrt(nx * nx + ny * ny);
                if (Max(a) <= Min(b) + 0.5f * length || Max(b) <= Min(a) + 0.5f * length) return false;
            }
        return true;
    }
}
