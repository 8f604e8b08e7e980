using System.Net;
using System.Text;

namespace MriTransfer.Reporting;

/// <summary>
/// report.html: one self-contained file, every figure embedded as a base64 PNG data URI, no external resources. Table
/// cells and code wrap (anywhere, if need be), so nothing runs out of its box down to a phone-width window.
/// </summary>
public static class HtmlReport
{
    public static string Render(ReportDocument doc)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>{E(doc.Title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n<h1>{E(doc.Title)}</h1>\n");
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h: html.Append($"<h{h.Level}>{E(h.Text)}</h{h.Level}>\n"); break;
                case ParagraphBlock p: html.Append(p.Emphasis ? $"<p class=\"answer\">{E(p.Text)}</p>\n" : $"<p>{E(p.Text)}</p>\n"); break;
                case TableBlock t:
                    html.Append("<table>\n<thead><tr>").Append(string.Concat(t.Headers.Select(c => $"<th>{E(c)}</th>"))).Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows) html.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{E(c)}</td>"))).Append("</tr>\n");
                    html.Append("</tbody>\n</table>\n");
                    break;
                case FigureBlock f:
                    html.Append($"<figure><img alt=\"{E(f.Image.Caption)}\" data-file=\"{E(f.Image.FileName)}\" src=\"data:image/png;base64,")
                        .Append(Convert.ToBase64String(f.Image.Png)).Append($"\"><figcaption>{E(f.Image.Caption)}</figcaption></figure>\n");
                    break;
                case CodeBlock c: html.Append($"<pre>{E(c.Text.TrimEnd())}</pre>\n"); break;
            }
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }
        .answer { font-size: 1.2em; background: #eef4fb; border-left: 4px solid #2a6ebb; padding: 0.8em; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; overflow-wrap: anywhere; }
        th { background: #f3f3f3; }
        figure { margin: 1.5em 0; }
        img { max-width: 100%; }
        figcaption { color: #555; font-style: italic; }
        pre { background: #f7f7f7; padding: 0.8em; white-space: pre-wrap; overflow-wrap: anywhere; }
        """;
}
