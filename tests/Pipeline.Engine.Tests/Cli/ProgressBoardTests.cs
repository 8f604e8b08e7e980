using System.Diagnostics;
using Pipeline.Engine.Cli;
using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Tests.Cli;

public class ProgressBoardTests
{
    private double _seconds = 1;

    /// <summary>Prepare → Train, and Other; Train usually takes 40 s, Prepare 10 s, Other was never timed.</summary>
    private ProgressBoard Board(int cores = 1)
    {
        var upstream = new Dictionary<string, IReadOnlyList<string>> { ["Prepare"] = [], ["Train"] = ["Prepare"], ["Other"] = [] };
        var usual = new Dictionary<string, TimeSpan> { ["Prepare"] = TimeSpan.FromSeconds(10), ["Train"] = TimeSpan.FromSeconds(40) };
        return new ProgressBoard(upstream, id => usual.TryGetValue(id, out var t) ? t : null, _ => 1, cores, () => (long)(_seconds * Stopwatch.Frequency));
    }

    [Fact]
    public void Given_a_plan_when_stages_finish_then_the_tally_counts_only_the_stages_this_run_has_to_run()
    {
        var board = Board();
        board.Plan(["Prepare", "Train"], new HashSet<string>());

        board.Update("Other", StageStatus.Cached);
        board.Update("Prepare", StageStatus.Running);
        board.Update("Prepare", StageStatus.Done);

        Assert.Equal((1, 2), board.Tally());
    }

    [Fact]
    public void Given_a_running_stage_with_a_usual_time_then_its_time_left_and_the_runs_follow_the_clock()
    {
        var board = Board();
        board.Plan(["Prepare", "Train"], new HashSet<string>());
        board.Update("Prepare", StageStatus.Running);

        _seconds += 4;

        Assert.Equal(TimeSpan.FromSeconds(6), board.Left("Prepare"));
        Assert.Equal(new RunEstimate(TimeSpan.FromSeconds(46), false), board.RunLeft());
        Assert.Equal(" [0 of 2 done; usually 0:10; run ETA 0:46]", board.Suffix("Prepare", StageStatus.Running));
    }

    [Fact]
    public void Given_a_progress_line_with_a_count_then_the_time_left_uses_it()
    {
        var board = Board();
        board.Plan(["Train"], new HashSet<string>());
        board.Update("Train", StageStatus.Running);
        _seconds += 20;
        board.Progress("Train", "epoch 10/10 loss 0.1");

        Assert.Equal(TimeSpan.Zero, board.Left("Train")); // all ten epochs done, whatever the usual 40 s said
        Assert.Equal(" [0:00 left; run ETA 0:00]", board.ProgressSuffix("Train"));
    }

    [Fact]
    public void Given_a_stage_never_timed_then_the_run_estimate_says_it_is_at_least_that()
    {
        var board = Board();
        board.Plan(["Prepare", "Other"], new HashSet<string>());

        Assert.Equal("0 of 2 done; run ETA ≥ 0:10", board.RunText());
    }

    [Fact]
    public void Given_a_stage_the_run_cache_restores_then_it_costs_no_time()
    {
        var board = Board();
        board.Plan(["Prepare", "Train"], new HashSet<string> { "Train" });

        Assert.Equal(TimeSpan.FromSeconds(10), board.RunLeft()!.Value.Remaining);
    }

    [Fact]
    public void Given_nothing_to_run_then_lines_carry_no_bracket()
    {
        var board = Board();
        board.Plan([], new HashSet<string>());

        Assert.Equal("", board.Suffix("Train", StageStatus.Cached));
        Assert.Equal("", board.RunText());
    }
}
