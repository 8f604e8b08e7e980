using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>
/// The figure's title, above the axes and centred on the whole figure (ScottPlot's own title is centred on the data
/// area and clipped by the figure's edge). Wrapped and, if need be, shrunk when it is built, so that every line is
/// measured to fit the figure's width less a margin on each side.
/// </summary>
public sealed class FigureTitle : IPanel
{
    private readonly float _margin;

    public FigureTitle(string text, int figureWidth, PlotStyle style)
    {
        _margin = style.Margin;
        Label = new LabelStyle { Bold = true, FontSize = style.Title, Alignment = Alignment.LowerCenter };
        Fitted = PlotText.Fit(Label, text, AvailableWidth(figureWidth, style), maxLines: 3, minFontSize: style.MinFont);
        Label.Text = Fitted.Text;
        Label.FontSize = Fitted.FontSize;
    }

    /// <summary>The widest a title line may be in a figure <paramref name="figureWidth"/> pixels wide.</summary>
    public static float AvailableWidth(int figureWidth, PlotStyle style) => figureWidth - 2 * style.Margin;

    public LabelStyle Label { get; }
    public FittedText Fitted { get; }

    public bool IsVisible { get; set; } = true;
    public float MinimumSize { get; set; }
    public float MaximumSize { get; set; } = float.MaxValue;
    public bool ShowDebugInformation { get; set; }
    public Edge Edge => Edge.Top;

    public float Measure(Paint paint) => IsVisible ? Label.Measure(Label.Text, paint).Height + 2 * _margin : 0;

    public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) =>
        new(left: dataRect.Left, right: dataRect.Right, bottom: dataRect.Top - offset, top: dataRect.Top - offset - size);

    public void Render(RenderPack rp, float size, float offset)
    {
        if (!IsVisible) return;
        var panel = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        Label.Render(rp.Canvas, new Pixel(rp.FigureRect.HorizontalCenter, panel.Bottom - _margin / 2), rp.Paint);
    }
}
