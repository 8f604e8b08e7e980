using ScottPlot;

namespace MriTransfer.Reporting.Plots;

/// <summary>Text laid out to fit a width: the lines (joined by '\n', as ScottPlot draws them) and the font size they fit at.</summary>
public sealed record FittedText(string Text, float FontSize)
{
    public IReadOnlyList<string> Lines => Text.Split('\n');
}

/// <summary>
/// Measures text exactly as ScottPlot will draw it (<see cref="LabelStyle.Measure(string, Paint)"/>: SkiaSharp's advance
/// width of each line in the label's typeface and size) and fits it to a width by wrapping at spaces, '_' and '-'
/// (the separator stays at the end of its line), then by shrinking the font, and only as a last resort by breaking
/// inside a word.
/// </summary>
public static class PlotText
{
    /// <summary>Width and height in pixels of <paramref name="text"/> (may hold '\n') in <paramref name="style"/> at <paramref name="fontSize"/>.</summary>
    public static PixelSize Measure(LabelStyle style, string text, float? fontSize = null)
    {
        var probe = new LabelStyle { Font = style.Font, FontName = style.FontName, Bold = style.Bold, Italic = style.Italic, FontSize = fontSize ?? style.FontSize };
        using var paint = Paint.NewDisposablePaint();
        return probe.Measure(text, paint).Size;
    }

    /// <summary>Height of one line of <paramref name="style"/> at <paramref name="fontSize"/>.</summary>
    public static float LineHeight(LabelStyle style, float? fontSize = null) => Measure(style, "Ag", fontSize).Height;

    /// <summary>
    /// <paramref name="text"/> fitted to <paramref name="maxWidth"/>: on one line at <paramref name="style"/>'s font size
    /// or up to a fifth smaller; otherwise wrapped into at most <paramref name="maxLines"/> lines at the largest size from
    /// the style's down to <paramref name="minFontSize"/>; if none works, broken wherever needed at
    /// <paramref name="minFontSize"/> so that every line fits.
    /// </summary>
    public static FittedText Fit(LabelStyle style, string text, float maxWidth, int maxLines = 3, float minFontSize = 7)
    {
        var start = style.FontSize;
        foreach (var (lines, floor) in new[] { (1, Math.Max(minFontSize, 0.8f * start)), (maxLines, minFontSize) })
            for (var size = start; size >= floor - 1e-3f; size -= 0.5f)
                if (TryWrap(style, text, maxWidth, size, lines) is { } wrapped) return new FittedText(wrapped, size);
        var smallest = Math.Min(start, minFontSize);
        return new FittedText(string.Join('\n', Wrap(style, text, maxWidth, smallest, breakWords: true)!), smallest);
    }

    /// <summary><paramref name="text"/> wrapped at break points into at most <paramref name="maxLines"/> lines no wider than <paramref name="maxWidth"/> at <paramref name="fontSize"/>, or null.</summary>
    public static string? TryWrap(LabelStyle style, string text, float maxWidth, float fontSize, int maxLines)
    {
        var lines = Wrap(style, text, maxWidth, fontSize, breakWords: false);
        return lines is not null && lines.Count <= maxLines ? string.Join('\n', lines) : null;
    }

    /// <summary>Greedy wrap at break points; null when a piece is wider than the width and words may not be broken.</summary>
    private static List<string>? Wrap(LabelStyle style, string text, float maxWidth, float size, bool breakWords)
    {
        var lines = new List<string>();
        bool Emit(string line)
        {
            line = line.TrimEnd();
            if (Width(style, line, size) <= maxWidth) lines.Add(line);
            else if (breakWords) lines.AddRange(Chop(style, line, maxWidth, size));
            else return false;
            return true;
        }
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var piece in Pieces(paragraph))
            {
                if (line.Length == 0 || Width(style, (line + piece).TrimEnd(), size) <= maxWidth) { line += piece; continue; }
                if (!Emit(line)) return null;
                line = piece;
            }
            if (!Emit(line)) return null;
        }
        return lines;
    }

    /// <summary>Splits one over-long line into pieces of as many characters as fit (at least one each).</summary>
    private static IEnumerable<string> Chop(LabelStyle style, string line, float maxWidth, float size)
    {
        var rest = line;
        while (rest.Length > 0)
        {
            var take = 1;
            while (take < rest.Length && Width(style, rest[..(take + 1)], size) <= maxWidth) take++;
            yield return rest[..take];
            rest = rest[take..].TrimStart();
        }
    }

    /// <summary>"imagenet_finetune: one-vs-rest ROC" → "imagenet_", "finetune: ", "one-", "vs-", "rest ", "ROC".</summary>
    internal static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not (' ' or '_' or '-')) continue;
            var end = i + 1;
            while (end < text.Length && text[end] == ' ') end++;
            yield return text[start..end];
            start = end;
            i = end - 1;
        }
        if (start < text.Length) yield return text[start..];
    }

    private static float Width(LabelStyle style, string text, float size) => Measure(style, text, size).Width;
}
