using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>How a set of category labels is drawn: rotation (degrees, ScottPlot's clockwise sense), font size and each label's text (lines joined by '\n').</summary>
public sealed record CategoryLayout(float Rotation, float FontSize, IReadOnlyList<string> Texts);

/// <summary>
/// Category labels (variants, classes) on a bottom or left axis, laid out against the plot's measured layout so that
/// no two labels overlap and none leaves the figure. A bottom axis tries, at each font size from the style's down to
/// its minimum: horizontal (wrapped at '_', '-' or spaces into at most two lines), then 45° and 90° (each on one line,
/// then two); a left axis keeps labels horizontal, wrapped into at most three lines of at most 30 % of the figure's
/// width, and shrinks them until each fits its row. Rotated labels may take at most 30 % of the figure's height. The
/// choice only moves down that ladder between layout passes, so the passes settle.
/// </summary>
public sealed class CategoryTicks
{
    private const float Sin45 = 0.70710677f, Gap = 1.15f, MaxShare = 0.3f;
    private readonly double[] _positions;
    private readonly string[] _labels;
    private readonly PlotStyle _style;
    private int _level;

    public CategoryTicks(IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels, PlotStyle style)
    {
        if (axis.Edge is not (Edge.Bottom or Edge.Left)) throw new ArgumentException($"category labels are laid out on a bottom or left axis, not {axis.Edge}");
        Axis = axis;
        _positions = positions.ToArray();
        _labels = labels.ToArray();
        _style = style;
        Chosen = new CategoryLayout(0, style.Tick, _labels);
        Apply();
    }

    public IAxis Axis { get; }
    public CategoryLayout Chosen { get; private set; }

    /// <summary>Chooses the first layout down the ladder (from the last one chosen) that fits <paramref name="render"/>; true when it changed.</summary>
    public bool Fit(RenderDetails render)
    {
        var candidates = Candidates().ToList();
        for (var level = _level; level < candidates.Count; level++)
        {
            if (Try(candidates[level], render) is not { } layout) continue;
            return Set(level, layout);
        }
        return Set(candidates.Count - 1, LastResort(render));
    }

    private bool Set(int level, CategoryLayout layout)
    {
        _level = level;
        var changed = layout.Rotation != Chosen.Rotation || layout.FontSize != Chosen.FontSize || !layout.Texts.SequenceEqual(Chosen.Texts);
        Chosen = layout;
        return Apply(ticks: changed) | changed;
    }

    private IEnumerable<(float Rotation, int Lines, float Size)> Candidates()
    {
        for (var size = _style.Tick; size >= _style.MinFont - 1e-3f; size -= 0.5f)
            if (Axis.Edge == Edge.Left) yield return (0, 3, size);
            else
            {
                yield return (0, 2, size);
                yield return (-45, 1, size);
                yield return (-45, 2, size);
                yield return (-90, 1, size);
                yield return (-90, 2, size);
            }
    }

    private CategoryLayout? Try((float Rotation, int Lines, float Size) c, RenderDetails render)
    {
        var label = Style(c.Size);
        var line = PlotText.LineHeight(label);
        var ticks = Ticks(render.DataRect);
        if (ticks.Count == 0) return new CategoryLayout(c.Rotation, c.Size, _labels);
        var slot = Slot(ticks.Select(t => t.Pixel).ToList(), Axis.Edge == Edge.Left ? render.DataRect.Height : render.DataRect.Width);
        var fig = render.FigureRect.Contract(_style.Margin / 2);
        var maxLength = (Axis.Edge, c.Rotation) switch
        {
            (Edge.Left, _) => MaxShare * render.FigureRect.Width,
            (_, 0) => slot / Gap,
            (_, -45) => MaxShare * render.FigureRect.Height / Sin45 - c.Lines * line,
            _ => MaxShare * render.FigureRect.Height,
        };
        var texts = _labels.Select(l => PlotText.TryWrap(label, l, maxLength, c.Size, c.Lines)).ToArray();
        if (texts.Any(t => t is null)) return null;
        foreach (var (index, pixel) in ticks)
        {
            var size = PlotText.Measure(label, texts[index]!);
            var fits = (Axis.Edge, c.Rotation) switch
            {
                (Edge.Left, _) => size.Height * Gap <= slot && pixel - size.Height / 2 >= fig.Top && pixel + size.Height / 2 <= fig.Bottom,
                (_, 0) => size.Height <= MaxShare * render.FigureRect.Height && pixel - size.Width / 2 >= fig.Left && pixel + size.Width / 2 <= fig.Right,
                (_, -45) => slot * Sin45 >= size.Height * Gap && Sin45 * (size.Width + size.Height) <= MaxShare * render.FigureRect.Height
                    && pixel - Sin45 * size.Width >= fig.Left && pixel + Sin45 * size.Height <= fig.Right,
                _ => slot >= size.Height * Gap && pixel - size.Height / 2 >= fig.Left && pixel + size.Height / 2 <= fig.Right,
            };
            if (!fits) return null;
        }
        return new CategoryLayout(c.Rotation, c.Size, texts!);
    }

    /// <summary>Nothing fits (very many categories in a small figure): the smallest font, vertical, broken to the height allowed.</summary>
    private CategoryLayout LastResort(RenderDetails render)
    {
        var size = _style.MinFont;
        var maxLength = Axis.Edge == Edge.Left ? MaxShare * render.FigureRect.Width : MaxShare * render.FigureRect.Height;
        var texts = _labels.Select(l => PlotText.Fit(Style(size), l, maxLength, maxLines: 3, minFontSize: size).Text).ToArray();
        return new CategoryLayout(Axis.Edge == Edge.Left ? 0 : -90, size, texts);
    }

    /// <summary>The extent of the labels away from the axis line (their height when horizontal, their length along the drop when rotated).</summary>
    public float Extent()
    {
        var label = Style(Chosen.FontSize);
        return Chosen.Texts.Select(t => PlotText.Measure(label, t)).Select(s => Chosen.Rotation switch
        {
            0 => Axis.Edge == Edge.Left ? s.Width : s.Height,
            -45 => Sin45 * (s.Width + s.Height),
            _ => s.Width,
        }).DefaultIfEmpty(0).Max();
    }

    /// <summary>Puts <see cref="Chosen"/> on the axis (the ticks only when asked: a new tick generator is empty until the next render); true when the axis's reserved size changed.</summary>
    private bool Apply(bool ticks = true)
    {
        if (ticks)
        {
            Axis.SetTicks(_positions, Chosen.Texts.ToArray());
            Axis.TickLabelStyle.FontSize = Chosen.FontSize;
            Axis.TickLabelStyle.Rotation = Chosen.Rotation;
            Axis.TickLabelStyle.Alignment = Chosen.Rotation switch { -45 => Alignment.UpperRight, -90 => Alignment.MiddleRight, _ => Axis.TickLabelStyle.Alignment };
        }
        var minimum = Axis.Edge != Edge.Bottom || Chosen.Rotation == 0 ? 0 : RotatedPanelSize();
        if (minimum == Axis.MinimumSize) return false;
        Axis.MinimumSize = minimum;
        return true;
    }

    /// <summary>ScottPlot measures a bottom axis by its labels' unrotated height: the size rotated labels need, reserved by hand.</summary>
    private float RotatedPanelSize()
    {
        var axisLabel = Axis is not ScottPlot.AxisPanels.AxisBase b ? 15
            : string.IsNullOrEmpty(Axis.Label.Text) ? b.EmptyLabelPadding.Vertical
            : PlotText.Measure(Axis.Label, Axis.Label.Text).Height + b.PaddingBetweenTickAndAxisLabels.Vertical + b.PaddingOutsideAxisLabels.Vertical;
        return MathF.Ceiling(Axis.MajorTickStyle.Length + 2 + Extent() + axisLabel + 2);
    }

    private List<(int Index, float Pixel)> Ticks(PixelRect data)
    {
        double lo = Math.Min(Axis.Min, Axis.Max), hi = Math.Max(Axis.Min, Axis.Max);
        return _positions.Select((p, i) => (i, p)).Where(t => t.p >= lo && t.p <= hi).Select(t => (t.i, Axis.GetPixel(t.p, data))).ToList();
    }

    private static float Slot(List<float> pixels, float span)
    {
        if (pixels.Count < 2) return span;
        var sorted = pixels.Order().ToList();
        return sorted.Zip(sorted.Skip(1), (a, b) => b - a).Min();
    }

    private LabelStyle Style(float size) =>
        new() { FontName = Axis.TickLabelStyle.FontName, Font = Axis.TickLabelStyle.Font, Bold = Axis.TickLabelStyle.Bold, FontSize = size };
}
