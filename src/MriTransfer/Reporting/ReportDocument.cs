using MriTransfer.Reporting.Plots;

namespace MriTransfer.Reporting;

/// <summary>A report as a list of blocks, rendered to Markdown and to self-contained HTML by the same content.</summary>
public abstract record ReportBlock;
public sealed record HeadingBlock(int Level, string Text) : ReportBlock;
public sealed record ParagraphBlock(string Text, bool Emphasis = false) : ReportBlock;
public sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;
public sealed record FigureBlock(PlotImage Image) : ReportBlock;
public sealed record CodeBlock(string Text) : ReportBlock;

public sealed class ReportDocument(string title)
{
    private readonly List<ReportBlock> _blocks = [];

    public string Title { get; } = title;
    public IReadOnlyList<ReportBlock> Blocks => _blocks;
    public IEnumerable<PlotImage> Figures => _blocks.OfType<FigureBlock>().Select(f => f.Image);

    public ReportDocument Heading(string text, int level = 2) { _blocks.Add(new HeadingBlock(level, text)); return this; }
    public ReportDocument Paragraph(string text, bool emphasis = false) { _blocks.Add(new ParagraphBlock(text, emphasis)); return this; }
    public ReportDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) { _blocks.Add(new TableBlock(headers, rows.ToList())); return this; }
    public ReportDocument Figure(PlotImage image) { _blocks.Add(new FigureBlock(image)); return this; }
    public ReportDocument Code(string text) { _blocks.Add(new CodeBlock(text)); return this; }
}
