using System.Globalization;
using System.Text;

namespace Pipeline.Engine.Experiments;

/// <summary>
/// The table of <c>./build.sh Experiments</c>, like <c>dvc exp show --only-changed</c>: one row per experiment (id,
/// when), a column per params key any of them changed (the value each had in effect), a column per headline metric
/// (value and interval), and the stages each ran, restored or found up to date. With two rows or more, a params or
/// metric column whose value is the same in every row is left out. Rendered as text, Markdown or CSV.
/// </summary>
internal sealed class ExperimentTable
{
    private sealed record Column(string Header, IReadOnlyList<string> Cells, IReadOnlyList<HeadlineValue?>? Metric = null);

    private readonly List<Column> _columns;
    private readonly int _rows;

    private ExperimentTable(List<Column> columns, int rows) { _columns = columns; _rows = rows; }

    public static ExperimentTable Of(IReadOnlyList<ExperimentRecord> records, Func<ExperimentRecord, IReadOnlyList<HeadlineValue>> metrics)
    {
        var columns = new List<Column>
        {
            new("Experiment", records.Select(r => r.Id).ToList()),
            new("When", records.Select(r => r.When.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).ToList()),
        };
        var varying = new List<Column>();
        foreach (var key in records.SelectMany(r => r.Changes.Select(c => c.Key)).Distinct().Order(StringComparer.Ordinal))
            varying.Add(new Column(key, records.Select(r => r.Params.GetValueOrDefault(key) ?? "—").ToList()));
        var values = records.Select(r => metrics(r).GroupBy(v => v.Label).ToDictionary(g => g.Key, g => g.First())).ToList();
        foreach (var label in values.SelectMany(v => v.Keys).Distinct())
        {
            var cells = values.Select(v => v.GetValueOrDefault(label)).ToList();
            varying.Add(new Column(label, cells.Select(c => c?.Shown ?? "—").ToList(), cells));
        }
        columns.AddRange(varying.Where(c => records.Count < 2 || c.Cells.Distinct().Count() > 1));
        columns.Add(new Column("Stages", records.Select(r => r.StagesText()).ToList()));
        return new ExperimentTable(columns, records.Count);
    }

    public IReadOnlyList<string> Headers => _columns.Select(c => c.Header).ToList();

    /// <summary>Padded plain text, two spaces between columns.</summary>
    public string Text()
    {
        var widths = _columns.Select(c => c.Cells.Append(c.Header).Max(s => s.Length)).ToList();
        var text = new StringBuilder();
        void Line(Func<Column, string> cell) =>
            text.Append(("  " + string.Join("  ", _columns.Select((c, i) => cell(c).PadRight(widths[i])))).TrimEnd()).Append('\n');
        Line(c => c.Header);
        for (var row = 0; row < _rows; row++) Line(c => c.Cells[row]);
        return text.ToString();
    }

    public string Markdown()
    {
        static string Cell(string s) => s.Replace("|", "\\|");
        var text = new StringBuilder();
        text.Append("| ").Append(string.Join(" | ", _columns.Select(c => Cell(c.Header)))).Append(" |\n");
        text.Append('|').Append(string.Join('|', _columns.Select(_ => " --- "))).Append("|\n");
        for (var row = 0; row < _rows; row++)
            text.Append("| ").Append(string.Join(" | ", _columns.Select(c => Cell(c.Cells[row])))).Append(" |\n");
        return text.ToString();
    }

    /// <summary>RFC 4180 CSV; a metric with an interval is three columns: value, "&lt;label&gt; ci_low", "&lt;label&gt; ci_high".</summary>
    public string Csv()
    {
        var headers = new List<string>();
        var rows = Enumerable.Range(0, _rows).Select(_ => new List<string>()).ToList();
        foreach (var column in _columns)
        {
            var withCi = column.Metric?.Any(m => m?.Low is not null) == true;
            headers.Add(column.Header);
            if (withCi) headers.AddRange([$"{column.Header} ci_low", $"{column.Header} ci_high"]);
            for (var row = 0; row < _rows; row++)
            {
                var metric = column.Metric?[row];
                rows[row].Add(column.Metric is null ? column.Cells[row] : metric?.Text ?? "");
                if (withCi) rows[row].AddRange([metric?.Low ?? "", metric?.High ?? ""]);
            }
        }
        static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        return string.Concat(rows.Prepend(headers).Select(r => string.Join(',', r.Select(Quote)) + "\n"));
    }
}
