using System.Globalization;

namespace MriTransfer.Training;

/// <summary>Per-epoch history: one row per epoch, invariant culture, written atomically after every epoch.</summary>
public sealed class HistoryCsv(params string[] columns)
{
    public static readonly string[] PretrainColumns = ["epoch", "train_loss", "val_loss", "lr", "seconds"];
    public static readonly string[] ClassifierColumns = ["epoch", "train_loss", "val_loss", "val_balanced_accuracy", "lr", "seconds"];

    private readonly List<double[]> _rows = [];

    public IReadOnlyList<string> Columns { get; } = columns;
    public IReadOnlyList<double[]> Rows => _rows;

    public void Add(params double[] row)
    {
        if (row.Length != Columns.Count) throw new ArgumentException($"history row has {row.Length} values for {Columns.Count} columns");
        _rows.Add(row);
    }

    public void Write(string path)
    {
        var lines = new[] { string.Join(",", Columns) }
            .Concat(_rows.Select(r => string.Join(",", r.Select((v, i) => i == 0 ? ((int)v).ToString(CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture)))));
        var temp = path + ".tmp";
        File.WriteAllLines(temp, lines);
        File.Move(temp, path, overwrite: true);
    }

    public static HistoryCsv Read(string path, string[] columns)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != string.Join(",", columns))
            throw new InvalidDataException($"{path}: expected header {string.Join(",", columns)}");
        var history = new HistoryCsv(columns);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            history.Add(line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        return history;
    }
}
