using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

public class HistoryTableTests
{
    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"history-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Given_a_classifier_history_when_read_then_every_column_is_available_by_name()
    {
        var path = Write("epoch,train_loss,val_loss,val_balanced_accuracy,lr\n1,1.2,1.1,0.4,0.001\n2,0.9,1.0,0.5,0.001\n");

        var history = HistoryTable.Read(path);

        Assert.Equal(2, history.Rows);
        Assert.Equal([1.0, 2.0], history.Column("epoch"));
        Assert.Equal([0.4, 0.5], history.Column("val_balanced_accuracy"));
        Assert.False(history.Has("val_accuracy"));
    }

    [Fact]
    public void Given_bad_cells_on_two_lines_when_read_then_both_are_reported_with_file_line_and_column()
    {
        var path = Write("epoch,train_loss,val_loss\n1,abc,1.0\n2,0.9\n");

        var e = Assert.Throws<ReportInputException>(() => HistoryTable.Read(path));

        Assert.Contains($"{path}: line 2, column train_loss: 'abc' is not a number", e.Message);
        Assert.Contains($"{path}: line 3: 2 fields, expected 3", e.Message);
    }

    [Fact]
    public void Given_a_file_without_an_epoch_column_when_read_then_the_error_says_so() =>
        Assert.Contains("no 'epoch' column", Assert.Throws<ReportInputException>(() => HistoryTable.Read(Write("step,loss\n1,0.5\n"))).Message);
}
