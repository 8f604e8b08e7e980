using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Experiments;

/// <summary><c>Experiments apply</c> restores a recorded experiment without running a stage; <c>remove</c> and <c>Gc</c>
/// keep the run cache consistent with the records (real engine runs on a toy pipeline).</summary>
public sealed class ExperimentApplyTests : IDisposable
{
    private readonly TempWorkspace _ws = ExperimentBuild.Workspace();

    public void Dispose() => _ws.Dispose();

    private (int Exit, string Output) Run(params string[] args) => _ws.Run(new ExperimentBuild(), args);

    /// <summary>The baseline run, then e1 (train.lr 0.01) and e2 (train.lr 0.02): pipeline.lock ends at e2.</summary>
    private void TwoExperiments()
    {
        Assert.Equal(0, Run("All").Exit);
        Assert.Equal(0, Run("All", "--set", "train.lr=0.01").Exit);
        Assert.Equal(0, Run("All", "--set", "train.lr=0.02").Exit);
        _ws.TakeRuns();
    }

    private int CacheEntries() => Directory.Exists(_ws.PathOf(".pipeline/cache")) ? Directory.GetDirectories(_ws.PathOf(".pipeline/cache")).Length : 0;

    [Fact]
    public void Given_an_earlier_experiment_when_applying_it_then_its_params_are_written_and_its_outputs_restored_without_running_a_stage()
    {
        TwoExperiments();

        var (exit, output) = Run("Experiments", "apply", "e1");

        Assert.True(exit == 0, output);
        Assert.Empty(_ws.TakeRuns());
        Assert.Contains("Train: restored from run cache", output);
        Assert.Contains("lr: 0.01          # Adam's step", _ws.Read("params.yaml"));
        Assert.Contains("# the toy pipeline's params", _ws.Read("params.yaml"));
        var (again, againOutput) = Run("All");
        Assert.True(again == 0, againOutput);
        Assert.Empty(_ws.TakeRuns());
    }

    [Fact]
    public void Given_experiments_when_collecting_garbage_then_what_they_need_stays_and_apply_still_runs_nothing()
    {
        TwoExperiments();

        var (exit, output) = Run("Gc");

        Assert.True(exit == 0, output);
        Assert.Contains("Gc: kept 1 entry only recorded experiments need", output);
        Assert.Contains("Gc: removed 1 run-cache entry not referenced by pipeline.lock or an experiment", output);
        Assert.Equal(0, Run("Experiments", "apply", "e1").Exit);
        Assert.Empty(_ws.TakeRuns());
    }

    [Fact]
    public void Given_a_removed_experiment_when_collecting_garbage_then_only_the_entries_it_alone_needed_go()
    {
        TwoExperiments();
        Assert.Equal(0, Run("Gc").Exit);
        var before = CacheEntries();

        var (removed, removeOutput) = Run("Experiments", "remove", "e1");
        var (exit, output) = Run("Gc");

        Assert.True(removed == 0, removeOutput);
        Assert.Contains("removed experiment e1", removeOutput);
        Assert.True(exit == 0, output);
        Assert.Contains("Gc: removed 1 run-cache entry", output);
        Assert.Equal(before - 1, CacheEntries());
        Assert.DoesNotContain("e1", Run("Experiments").Output.Split('\n').Select(l => l.Trim().Split(' ')[0]));
        Assert.Contains("run cache: holds every instance's outputs", Run("Experiments", "show", "e2").Output);
    }

    [Fact]
    public void Given_gc_with_experiments_then_their_entries_go_and_apply_says_what_it_cannot_restore()
    {
        TwoExperiments();

        var (exit, output) = Run("Gc", "--experiments");
        var (_, show) = Run("Experiments", "show", "e1");
        var (_, apply) = Run("Experiments", "apply", "e1");

        Assert.True(exit == 0, output);
        Assert.Contains("Gc: removed 2 run-cache entries not referenced by pipeline.lock,", output);
        Assert.Contains("(not in the run cache)", show);
        Assert.Contains("Train: ", apply);
        Assert.Contains("not in the run cache", apply);
        Assert.Empty(_ws.TakeRuns());
    }

    [Fact]
    public void Given_two_experiments_when_comparing_them_then_the_comparison_stage_reads_their_params_and_run_cache_folders()
    {
        TwoExperiments();

        var (exit, output) = Run("Compare", "--compare", "e1,e2");

        Assert.True(exit == 0, output);
        using var runs = System.Text.Json.JsonDocument.Parse(_ws.Read("out/Compare/runs.json"));
        var listed = runs.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["e1", "e2"], listed.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("0.01", listed[0].GetProperty("params").GetProperty("train.lr").GetString());
        var outputs = listed[0].GetProperty("stages").GetProperty("Train").GetProperty("outputs").GetString()!;
        Assert.Contains("lr: 0.01", File.ReadAllText(Path.Combine(outputs, "model.txt")));
    }

    [Fact]
    public void Given_one_id_when_comparing_then_it_is_a_usage_error()
    {
        TwoExperiments();

        var (exit, output) = Run("Other", "--compare", "e1");

        Assert.Equal(2, exit);
        Assert.Contains("--compare expects two or more experiment ids", output);
    }

    [Fact]
    public void Given_a_comparison_stage_without_compare_then_the_error_says_how_to_name_the_runs()
    {
        var (exit, output) = Run("Compare");

        Assert.Equal(2, exit);
        Assert.Contains("Compare compares recorded experiments: name them, e.g. ./build.sh Compare --compare e1,e2", output);
    }

    [Fact]
    public void Given_a_comparison_stage_without_compare_when_asking_for_the_status_of_everything_then_it_is_listed_not_refused()
    {
        var (exit, output) = Run("Status");

        Assert.Equal(0, exit);
        Assert.Contains("Compare", output);
    }
}
