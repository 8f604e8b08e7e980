using System.Globalization;

namespace MriTransfer.Reporting;

/// <summary>A stage's history.csv (epoch,train_loss,val_loss,...) as named numeric columns.</summary>
public sealed class HistoryTable
{
    private readonly Dictionary<string, double[]> _columns;

    private HistoryTable(Dictionary<string, double[]> columns) => _columns = columns;

    public IReadOnlyCollection<string> Columns => _columns.Keys;
    public int Rows => _columns.Values.FirstOrDefault()?.Length ?? 0;
    public bool Has(string column) => _columns.ContainsKey(column);
    public double[] Column(string column) => _columns.TryGetValue(column, out var values)
        ? values : throw new KeyNotFoundException($"history has no column '{column}' (columns: {string.Join(", ", _columns.Keys)})");

    /// <summary>Reads history.csv; every malformed cell is reported together, naming file, line and column. Needs an 'epoch' column.</summary>
    public static HistoryTable Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) throw new ReportInputException($"{path}: empty, expected a header row starting with epoch");
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var problems = new List<string>();
        if (!header.Contains("epoch")) problems.Add($"{path}: no 'epoch' column (header: {lines[0]})");
        var values = header.Select(_ => new List<double>()).ToArray();
        for (var row = 1; row < lines.Count; row++)
        {
            var cells = lines[row].Split(',');
            if (cells.Length != header.Length) { problems.Add($"{path}: line {row + 1}: {cells.Length} fields, expected {header.Length}"); continue; }
            for (var c = 0; c < header.Length; c++)
                if (double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) values[c].Add(v);
                else problems.Add($"{path}: line {row + 1}, column {header[c]}: '{cells[c]}' is not a number");
        }
        if (problems.Count > 0) throw new ReportInputException(problems);
        return new HistoryTable(header.Select((h, i) => (h, values[i].ToArray())).ToDictionary(x => x.h, x => x.Item2));
    }
}
