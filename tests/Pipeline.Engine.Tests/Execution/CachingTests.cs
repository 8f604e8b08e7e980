using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

public sealed class CachingTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();
    private static readonly string[] AllStages =
        ["Aggregate", "Curve/fraction-0.25", "Curve/fraction-0.5", "Other", "Prepare", "Train"];

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Given_a_fresh_workspace_when_running_then_every_stage_runs_and_publishes_its_outputs()
    {
        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.True(exit == 0, output);
        Assert.Equal(AllStages, _ws.TakeRuns());
        Assert.True(_ws.Exists("out/Train/model.txt"));
        Assert.True(_ws.Exists("out/Curve/fraction-0.5/point.txt"));
        Assert.Equal("{\"score\": 7}\n", _ws.Read("metrics/Train/metrics.json"));
        Assert.Contains("curve/fraction-0.25: ", _ws.Read("out/Aggregate/summary.txt").Replace("points/", "curve/"));
    }

    [Fact]
    public void Given_a_finished_run_when_running_again_then_no_stage_runs()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.TakeRuns();

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.Equal(0, exit);
        Assert.Empty(_ws.TakeRuns());
        Assert.Contains("0 ran, 0 restored, 6 up to date", output);
    }

    [Fact]
    public void Given_a_changed_param_when_running_then_exactly_the_stages_that_declare_it_and_their_downstream_rerun()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.TakeRuns();

        var (exit, output) = _ws.Run(new ToyBuild(), "All", "--set", "train.seed=7");

        Assert.True(exit == 0, output);
        Assert.Equal(["Aggregate", "Curve/fraction-0.25", "Curve/fraction-0.5", "Train"], _ws.TakeRuns());
        Assert.Contains("params train.seed: 1 → 7", output);
    }

    [Fact]
    public void Given_a_dependency_whose_content_changed_when_running_then_its_stages_rerun_and_name_the_file_and_unchanged_outputs_stop_the_wave()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.TakeRuns();
        _ws.Write("data/raw/b.txt", "beta, revised\n");

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.True(exit == 0, output);
        // Curve's points do not depend on the data's content, so Aggregate sees identical inputs and stays cached
        Assert.Equal(["Curve/fraction-0.25", "Curve/fraction-0.5", "Other", "Prepare", "Train"], _ws.TakeRuns());
        Assert.Contains("dependency data/raw/b.txt changed", output);
        Assert.Contains("Aggregate: up to date", output);
    }

    [Fact]
    public void Given_a_dependency_touched_without_a_content_change_when_running_then_nothing_reruns()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.TakeRuns();
        File.SetLastWriteTimeUtc(_ws.PathOf("data/raw/a.txt"), DateTime.UtcNow.AddMinutes(5));

        var (exit, _) = _ws.Run(new ToyBuild(), "All");

        Assert.Equal(0, exit);
        Assert.Empty(_ws.TakeRuns());
    }

    [Fact]
    public void Given_a_changed_stage_script_when_running_then_that_stage_and_its_downstream_rerun()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.TakeRuns();
        _ws.WithScript("point", ToyStages.Point + "\necho extra >> \"$O/point.txt\"");

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.True(exit == 0, output);
        Assert.Equal(["Aggregate", "Curve/fraction-0.25", "Curve/fraction-0.5"], _ws.TakeRuns());
        Assert.Contains("code of stages/point.sh changed", output);
    }

    [Fact]
    public void Given_an_output_folder_deleted_by_hand_when_running_then_it_is_restored_from_the_run_cache_without_running()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.TakeRuns();
        var before = _ws.Read("out/Train/model.txt");
        Directory.Delete(_ws.PathOf("out/Train"), recursive: true);

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.True(exit == 0, output);
        Assert.Empty(_ws.TakeRuns());
        Assert.Equal(before, _ws.Read("out/Train/model.txt"));
        Assert.Contains("Train: restored from run cache — output missing", output);
    }

    [Fact]
    public void Given_a_params_set_seen_before_when_returning_to_it_then_outputs_are_restored_instead_of_recomputed()
    {
        _ws.Run(new ToyBuild(), "Train");
        _ws.Run(new ToyBuild(), "Train", "--set", "train.lr=0.01");
        _ws.TakeRuns();

        var (exit, output) = _ws.Run(new ToyBuild(), "Train");

        Assert.True(exit == 0, output);
        Assert.Empty(_ws.TakeRuns());
        Assert.Contains("Train: restored from run cache", output);
        Assert.Contains("lr: 0.001\n", _ws.Read("out/Train/model.txt"));
    }

    [Fact]
    public void Given_no_run_cache_option_when_an_output_is_deleted_then_the_stage_reruns()
    {
        _ws.Run(new ToyBuild(), "Train");
        _ws.TakeRuns();
        Directory.Delete(_ws.PathOf("out/Train"), recursive: true);

        var (exit, _) = _ws.Run(new ToyBuild(), "Train", "--no-run-cache");

        Assert.Equal(0, exit);
        Assert.Equal(["Train"], _ws.TakeRuns());
    }

    [Fact]
    public void Given_a_matrix_that_gains_one_value_when_running_then_only_the_new_instance_and_the_aggregate_run()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.TakeRuns();

        var (exit, output) = _ws.Run(new ToyBuild(), "All", "--set", "curve.fractions=[0.25, 0.5, 1.0]");

        Assert.True(exit == 0, output);
        Assert.Equal(["Aggregate", "Curve/fraction-1"], _ws.TakeRuns());
        Assert.Contains("points/fraction-1: ", _ws.Read("out/Aggregate/summary.txt"));
    }

    [Fact]
    public void Given_a_forced_stage_when_running_then_it_reruns_although_up_to_date()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.TakeRuns();

        var (exit, _) = _ws.Run(new ToyBuild(), "All", "--force", "Other");

        Assert.Equal(0, exit);
        Assert.Equal(["Other"], _ws.TakeRuns());
    }

    [Fact]
    public void Given_a_dry_run_when_stages_are_stale_then_it_says_why_and_runs_nothing()
    {
        var (exit, output) = _ws.Run(new ToyBuild(), "All", "--dry-run");

        Assert.Equal(0, exit);
        Assert.Empty(_ws.TakeRuns());
        Assert.Contains("Prepare: waiting — would run: never run", output);
        Assert.False(_ws.Exists("out/Prepare"));
    }

    [Fact]
    public void Given_a_matrix_that_loses_a_value_when_running_then_the_lock_forgets_that_instance()
    {
        _ws.Run(new ToyBuild(), "All");

        var (exit, _) = _ws.Run(new ToyBuild(), "All", "--set", "curve.fractions=[0.5]");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Curve/fraction-0.25", _ws.Read("pipeline.lock"));
        Assert.Contains("Curve/fraction-0.5", _ws.Read("pipeline.lock"));
    }
}
