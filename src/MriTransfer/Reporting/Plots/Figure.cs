using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// A ScottPlot plot whose text is fitted to its pixel size by measurement: the title and legend to the figure's width
/// (when they are added), axis labels to the length of their axis and category labels to their slots (in layout
/// passes: render, measure the data area, refit, until nothing changes). Build the plot through <see cref="Plot"/>,
/// add text through the With… methods, then <see cref="Render"/>.
/// </summary>
public sealed class Figure
{
    private const int MaxPasses = 8;
    private readonly Dictionary<IAxis, (string Text, float Limit)> _axisLabels = [];
    private readonly List<CategoryTicks> _categories = [];
    private readonly List<Func<RenderDetails, bool>> _layoutFitters = [];

    /// <param name="size">the configured plot size, which sets the font sizes</param>
    /// <param name="pixels">the image's size when it differs (a montage that grows with its rows)</param>
    public Figure(PlotSize size, PlotSize? pixels = null)
    {
        Size = pixels ?? size;
        Style = PlotStyle.For(size);
        Style.Apply(Plot);
    }

    public Plot Plot { get; } = new();
    public PlotSize Size { get; }
    public PlotStyle Style { get; }
    public FigureTitle? Title { get; private set; }
    public LegendBelow? Legend { get; private set; }
    public IReadOnlyList<CategoryTicks> Categories => _categories;

    public Figure WithTitle(string text)
    {
        if (Title is not null) Plot.Axes.Remove(Title);
        Title = new FigureTitle(text, Size.Width, Style);
        Plot.Axes.AddPanel(Title);
        return this;
    }

    public Figure WithAxisLabel(IAxis axis, string text)
    {
        axis.Label.Text = text;
        _axisLabels[axis] = (text, float.MaxValue);
        return this;
    }

    public Figure WithXLabel(string text) => WithAxisLabel(Plot.Axes.Bottom, text);
    public Figure WithYLabel(string text) => WithAxisLabel(Plot.Axes.Left, text);

    /// <summary>Shows the plottables' legend texts below the axes, outside the data area.</summary>
    public Figure WithLegendBelow()
    {
        Legend ??= new LegendBelow(Plot, Size, Style);
        if (!Plot.Axes.GetPanels().Contains(Legend)) Plot.Axes.AddPanel(Legend);
        return this;
    }

    public CategoryTicks WithCategories(IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        var ticks = new CategoryTicks(axis, positions, labels, Style);
        _categories.Add(ticks);
        return ticks;
    }

    /// <summary>Text that depends on the data area (e.g. numbers in heatmap cells): called after each layout pass, returns true when it changed something.</summary>
    public Figure OnLayout(Func<RenderDetails, bool> fit)
    {
        _layoutFitters.Add(fit);
        return this;
    }

    public PlotImage Render(string fileName, string caption) => new(fileName, caption, RenderPng());

    /// <summary>Runs the layout passes and returns the PNG; <see cref="Plot"/>'s LastRender then describes the image.</summary>
    public byte[] RenderPng()
    {
        Legend?.Prepare();
        for (var pass = 0; ; pass++)
        {
            using var image = Plot.GetImage(Size.Width, Size.Height);
            var render = Plot.LastRender;
            var changed = false;
            foreach (var axis in _axisLabels.Keys.ToList()) changed |= FitAxisLabel(axis, render);
            foreach (var c in _categories) changed |= c.Fit(render);
            foreach (var fit in _layoutFitters) changed |= fit(render);
            changed |= FitEndTickLabels(render);
            if (!changed || pass == MaxPasses) return changed ? Plot.GetImageBytes(Size.Width, Size.Height, ImageFormat.Png) : image.GetImageBytes(ImageFormat.Png);
        }
    }

    /// <summary>
    /// A numeric x tick label is centred on its tick, so one at the data area's edge hangs past it by half its width:
    /// widen the side panel (the y axis on that side) until it holds that half and a margin. Panels only grow.
    /// </summary>
    private bool FitEndTickLabels(RenderDetails render)
    {
        var axis = Plot.Axes.Bottom;
        if (_categories.Any(c => c.Axis == axis)) return false;
        PixelRect data = render.DataRect, fig = render.FigureRect;
        float left = 0, right = 0;
        foreach (var tick in axis.TickGenerator.Ticks.Where(t => t.IsMajor && !string.IsNullOrWhiteSpace(t.Label)))
        {
            var x = axis.GetPixel(tick.Position, data);
            if (x < data.Left - 0.5f || x > data.Right + 0.5f) continue;
            var half = PlotText.Measure(axis.TickLabelStyle, tick.Label).Width / 2 + Style.Margin / 2;
            left = Math.Max(left, fig.Left + half - x);
            right = Math.Max(right, x + half - fig.Right);
        }
        return Widen(Plot.Axes.Left, left, render) | Widen(Plot.Axes.Right, right, render);
    }

    private static bool Widen(IAxis axis, float deficit, RenderDetails render)
    {
        if (deficit <= 0 || !render.Layout.PanelSizes.TryGetValue(axis, out var size)) return false;
        axis.MinimumSize = MathF.Ceiling(size + deficit);
        return true;
    }

    /// <summary>An axis label may be as long as its axis (the data area's side); the limit only shrinks between passes.</summary>
    private bool FitAxisLabel(IAxis axis, RenderDetails render)
    {
        var (text, limit) = _axisLabels[axis];
        var length = axis.Edge is Edge.Bottom or Edge.Top ? render.DataRect.Width : render.DataRect.Height;
        limit = Math.Min(limit, Math.Max(1, length - Style.Margin));
        _axisLabels[axis] = (text, limit);
        var fitted = PlotText.Fit(new LabelStyle { FontName = axis.Label.FontName, Bold = axis.Label.Bold, FontSize = Style.AxisLabel },
            text, limit, maxLines: 2, minFontSize: Style.MinFont);
        if (fitted.Text == axis.Label.Text && fitted.FontSize == axis.Label.FontSize) return false;
        axis.Label.Text = fitted.Text;
        axis.Label.FontSize = fitted.FontSize;
        return true;
    }
}
