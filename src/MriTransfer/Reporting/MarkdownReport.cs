using System.Text;

namespace MriTransfer.Reporting;

/// <summary>report.md: figures link to plots/&lt;file&gt; next to it.</summary>
public static class MarkdownReport
{
    public static string Render(ReportDocument doc)
    {
        var md = new StringBuilder($"# {doc.Title}\n\n");
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h: md.Append(new string('#', h.Level)).Append(' ').Append(h.Text).Append("\n\n"); break;
                case ParagraphBlock p: md.Append(p.Emphasis ? $"**{p.Text}**" : p.Text).Append("\n\n"); break;
                case TableBlock t:
                    md.Append("| ").Append(string.Join(" | ", t.Headers.Select(Cell))).Append(" |\n");
                    md.Append('|').Append(string.Concat(t.Headers.Select(_ => " --- |"))).Append('\n');
                    foreach (var row in t.Rows) md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                    md.Append('\n');
                    break;
                case FigureBlock f: md.Append($"![{f.Image.Caption}](plots/{f.Image.FileName})\n\n*{f.Image.Caption}*\n\n"); break;
                case CodeBlock c: md.Append("```\n").Append(c.Text.TrimEnd()).Append("\n```\n\n"); break;
            }
        }
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").ReplaceLineEndings(" ");
}
