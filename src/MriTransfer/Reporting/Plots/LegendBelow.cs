using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// The legend as a band below the x axis, across the figure's width, so it never covers data. Items flow in rows;
/// a label too long for one row is wrapped to fit, as measured, and the font shrinks (down to the style's minimum)
/// until the band takes at most a third of the figure's height.
/// </summary>
public sealed class LegendBelow : IPanel
{
    private readonly Legend _legend;
    private readonly float _margin;
    private readonly float _width;
    private readonly float _maxHeight;

    public LegendBelow(Plot plot, PlotSize figure, PlotStyle style)
    {
        _legend = plot.Legend;
        _margin = style.Margin;
        _width = figure.Width - 2 * _margin;
        _maxHeight = figure.Height / 3f;
        _legend.IsVisible = false; // not inside the data area; this panel draws it
        _legend.ShadowColor = Colors.Transparent;
        _legend.Orientation = Orientation.Horizontal;
        _legend.TightHorizontalWrapping = true;
        _legend.FontSize = style.Legend;
        MinFont = style.MinFont;
    }

    private float MinFont { get; }

    /// <summary>The labels as drawn (wrapped), once <see cref="Prepare"/> has run.</summary>
    public IReadOnlyList<LegendItem> Items => _legend.ManualItems;

    /// <summary>Widest a label may be: the band less the legend's padding and one item's symbol.</summary>
    public float MaxLabelWidth => _width - _legend.Padding.Horizontal - _legend.SymbolWidth - _legend.SymbolPadding - 2;

    /// <summary>Takes the plottables' legend items, wraps their labels to the band and picks one font size for all.</summary>
    public void Prepare()
    {
        _legend.DisplayPlottableLegendItems = true;
        _legend.ManualItems.Clear();
        var items = _legend.GetItems();
        _legend.DisplayPlottableLegendItems = false;
        if (items.Length == 0) { IsVisible = false; return; }
        var texts = items.Select(i => i.LabelText).ToArray();
        var largest = items.Select(i => PlotText.Fit(i.LabelStyle, i.LabelText, MaxLabelWidth, maxLines: 3, minFontSize: MinFont).FontSize).Min();
        _legend.ManualItems.AddRange(items);
        using var paint = Paint.NewDisposablePaint();
        for (var size = largest; ; size = Math.Max(MinFont, size - 0.5f))
        {
            var floor = size <= MinFont + 1e-3f;
            for (var i = 0; i < items.Length; i++)
            {
                items[i].LabelFontSize = size;
                items[i].LabelText = PlotText.Fit(items[i].LabelStyle, texts[i], MaxLabelWidth, maxLines: 3, minFontSize: size).Text;
            }
            _legend.FontSize = size;
            if (floor || _legend.GetLayout(new PixelSize(_width, 100_000), paint).LegendRect.Height + 2 * _margin <= _maxHeight) return;
        }
    }

    public bool IsVisible { get; set; } = true;
    public float MinimumSize { get; set; }
    public float MaximumSize { get; set; } = float.MaxValue;
    public bool ShowDebugInformation { get; set; }
    public Edge Edge => Edge.Bottom;

    public float Measure(Paint paint) =>
        IsVisible && _legend.ManualItems.Count > 0 ? _legend.GetLayout(new PixelSize(_width, 100_000), paint).LegendRect.Height + 2 * _margin : 0;

    public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) =>
        new(left: dataRect.Left, right: dataRect.Right, bottom: dataRect.Bottom + offset + size, top: dataRect.Bottom + offset);

    /// <summary>Where the legend's frame is drawn in the last render (figure pixels).</summary>
    public PixelRect LastRect { get; private set; }

    public void Render(RenderPack rp, float size, float offset)
    {
        if (!IsVisible || _legend.ManualItems.Count == 0) return;
        var panel = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        var band = new PixelRect(rp.FigureRect.Left + _margin, rp.FigureRect.Right - _margin, panel.Bottom - _margin, panel.Top + _margin);
        var layout = _legend.GetLayout(band.Size, rp.Paint);
        LastRect = layout.LegendRect.AlignedInside(band, Alignment.UpperCenter);
        _legend.Render(rp.Canvas, rp.Paint, band, Alignment.UpperCenter);
    }
}
