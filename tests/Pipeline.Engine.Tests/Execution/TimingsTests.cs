using Pipeline.Engine.Execution;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

public sealed class TimingsTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private Timings Load() => Timings.Load(new Workspace(_ws.Root));

    [Fact]
    public void Given_recorded_runs_when_loading_again_then_the_usual_time_is_the_median_of_the_last_five()
    {
        var timings = Load();
        foreach (var s in new[] { 100, 1, 2, 3, 4, 50 }) timings.Add("Train", TimeSpan.FromSeconds(s), threads: 2);

        var again = Load();

        Assert.Equal(TimeSpan.FromSeconds(3), again.Typical("Train"));
        Assert.Equal(6, again.Past("Train").Count);
    }

    [Fact]
    public void Given_a_matrix_cell_never_run_then_its_usual_time_comes_from_the_other_cells_of_its_stage()
    {
        var timings = Load();
        timings.Add("Curve/fraction-0.25", TimeSpan.FromSeconds(10), 1);
        timings.Add("Curve/fraction-0.5", TimeSpan.FromSeconds(20), 1);

        Assert.Equal(TimeSpan.FromSeconds(15), timings.Typical("Curve/fraction-1.0"));
        Assert.Null(timings.Typical("Aggregate"));
    }

    [Fact]
    public void Given_a_damaged_line_when_loading_then_it_is_skipped()
    {
        _ws.Write(".pipeline/timings.tsv", "Train\t4\t1\t2026-12-01T10:00:00Z\nTrain\tlots\nhalf a li");

        Assert.Equal(TimeSpan.FromSeconds(4), Load().Typical("Train"));
    }

    [Fact]
    public void Given_many_runs_when_loading_then_the_file_keeps_the_last_runs_of_each_instance()
    {
        _ws.Write(".pipeline/timings.tsv", string.Concat(Enumerable.Range(1, 300).Select(i => $"Train\t{i}\t1\t2026-12-01T10:00:00Z\n")));

        var timings = Load();

        Assert.Equal(Timings.Kept, File.ReadAllLines(_ws.PathOf(".pipeline/timings.tsv")).Length);
        Assert.Equal(TimeSpan.FromSeconds(298), timings.Typical("Train"));
    }
}
