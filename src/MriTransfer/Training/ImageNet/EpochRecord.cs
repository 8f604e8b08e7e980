using System.Globalization;

namespace MriTransfer.Training.ImageNet;

/// <summary>One row of history.csv: epoch,train_loss,val_loss,val_balanced_accuracy,lr,seconds.</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValLoss, double ValBalancedAccuracy, double Lr, double Seconds)
{
    public const string Header = "epoch,train_loss,val_loss,val_balanced_accuracy,lr,seconds";

    public string ToCsv() => string.Join(",",
        Epoch.ToString(CultureInfo.InvariantCulture), Format(TrainLoss), Format(ValLoss), Format(ValBalancedAccuracy),
        Lr.ToString("R", CultureInfo.InvariantCulture), Seconds.ToString("F3", CultureInfo.InvariantCulture));

    private static string Format(double value) => double.IsNaN(value) ? "" : value.ToString("F6", CultureInfo.InvariantCulture);

    public static void WriteCsv(string path, IEnumerable<EpochRecord> rows) =>
        File.WriteAllLines(path, new[] { Header }.Concat(rows.Select(r => r.ToCsv())));
}

/// <summary>What the loop did: every epoch, the epoch whose weights were kept, and why it stopped.</summary>
public sealed record TrainingResult(IReadOnlyList<EpochRecord> History, int BestEpoch, string StopReason);
