using System.Globalization;
using Pipeline.Errors;

namespace MriTransfer.Training.Loop;

/// <summary>One row of history.csv; <see cref="ValBalancedAccuracy"/> is null for a model that does not classify.</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValLoss, double? ValBalancedAccuracy, double Lr)
{
    public string Describe() => ValBalancedAccuracy is { } bacc
        ? string.Create(CultureInfo.InvariantCulture, $"train_loss {TrainLoss:G4} val_loss {ValLoss:G4} val_bacc {bacc:F3} lr {Lr:G3}")
        : string.Create(CultureInfo.InvariantCulture, $"train_loss {TrainLoss:G4} val_loss {ValLoss:G4} lr {Lr:G3}");
}

/// <summary>
/// history.csv: <c>epoch,train_loss,val_loss[,val_balanced_accuracy],lr</c>, one row per epoch, round-trip numbers,
/// written atomically. No wall-clock column: identical weights give an identical file (epoch times go to the log).
/// </summary>
public sealed class TrainingHistory(bool classifies)
{
    public const string FileName = "history.csv";

    private readonly List<EpochRecord> _rows = [];

    public bool Classifies { get; } = classifies;
    public IReadOnlyList<EpochRecord> Rows => _rows;
    public string Header => Classifies ? "epoch,train_loss,val_loss,val_balanced_accuracy,lr" : "epoch,train_loss,val_loss,lr";

    public void Add(EpochRecord row) => _rows.Add(row);

    public void Write(string path)
    {
        static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var lines = _rows.Select(r => string.Join(",", Classifies
            ? [r.Epoch.ToString(CultureInfo.InvariantCulture), R(r.TrainLoss), R(r.ValLoss), R(r.ValBalancedAccuracy ?? double.NaN), R(r.Lr)]
            : new[] { r.Epoch.ToString(CultureInfo.InvariantCulture), R(r.TrainLoss), R(r.ValLoss), R(r.Lr) }));
        var temp = path + ".tmp";
        File.WriteAllLines(temp, lines.Prepend(Header));
        File.Move(temp, path, overwrite: true);
    }

    public static TrainingHistory Read(string path, bool classifies)
    {
        var history = new TrainingHistory(classifies);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != history.Header) throw new InputException($"{path}: expected the header {history.Header}");
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var v = line.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            history.Add(classifies ? new EpochRecord((int)v[0], v[1], v[2], v[3], v[4]) : new EpochRecord((int)v[0], v[1], v[2], null, v[3]));
        }
        return history;
    }
}
