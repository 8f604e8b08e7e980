using ScottPlot;
using SkiaSharp;

namespace MriTransfer.Tests.Reporting.Plots;

/// <summary>
/// Text measured with SkiaSharp directly, the way ScottPlot measures a label before drawing it (LabelStyle.Measure):
/// the typeface ScottPlot resolves for the label's font name and weight, slight hinting and subpixel positioning as
/// ScottPlot's Paint sets them (both change advance widths), the advance width of each line, and the
/// font's line spacing per line. Independent of the production code's own measuring.
/// </summary>
internal static class SkiaText
{
    public static float LineWidth(LabelStyle style, string line, float? fontSize = null)
    {
        using var font = Font(style, fontSize);
        return font.MeasureText(line);
    }

    public static (float Width, float Height) Size(LabelStyle style, string text, float? fontSize = null)
    {
        using var font = Font(style, fontSize);
        var lines = text.Split('\n');
        return (lines.Max(l => font.MeasureText(l)), lines.Length * font.GetFontMetrics(out _));
    }

    private static SKFont Font(LabelStyle style, float? fontSize) =>
        new(style.Font ?? Fonts.GetTypeface(style.FontName, style.Bold, style.Italic), fontSize ?? style.FontSize) { Subpixel = style.SubpixelText, Hinting = SKFontHinting.Slight };
}
