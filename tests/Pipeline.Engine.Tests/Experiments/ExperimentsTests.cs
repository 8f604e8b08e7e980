using System.Text.RegularExpressions;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Experiments;

/// <summary>Runs that change params are recorded as experiments; <c>Experiments</c> tables them (real engine runs on a toy pipeline).</summary>
public sealed class ExperimentsTests : IDisposable
{
    private readonly TempWorkspace _ws = ExperimentBuild.Workspace();

    public void Dispose() => _ws.Dispose();

    private (int Exit, string Output) Run(params string[] args) => _ws.Run(new ExperimentBuild(), args);

    private void TwoExperiments()
    {
        Assert.Equal(0, Run("All").Exit);
        var (first, firstOutput) = Run("All", "--set", "train.lr=0.01");
        Assert.True(first == 0, firstOutput);
        Assert.Contains("recorded as experiment e1 (train.lr 0.001 → 0.01)", firstOutput);
        Assert.Equal(0, Run("All", "--set", "train.lr=0.02").Exit);
    }

    [Fact]
    public void Given_a_committed_params_file_when_a_run_changes_nothing_then_no_experiment_is_recorded()
    {
        var (exit, output) = Run("All");

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("experiment", output);
        Assert.Contains("no experiments recorded yet", Run("Experiments").Output);
    }

    [Fact]
    public void Given_two_runs_with_different_set_values_then_the_table_has_two_rows_showing_only_the_changed_key()
    {
        TwoExperiments();

        var (exit, output) = Run("Experiments");

        Assert.True(exit == 0, output);
        var lines = output.Split('\n');
        Assert.Matches(@"^  Experiment +When +train\.lr +a acc +Stages$", lines[0]);
        Assert.Matches(@"^  e1 +\d{4}-\d\d-\d\d \d\d:\d\d +0\.01 +0\.510 \[0\.4, 0\.6\] +1 ran, 2 up to date$", lines[1]);
        Assert.Matches(@"^  e2 +\d{4}-\d\d-\d\d \d\d:\d\d +0\.02 +0\.520 \[0\.4, 0\.6\] +1 ran, 2 up to date$", lines[2]);
        Assert.Contains("2 of 2 experiment(s); params compared with HEAD:params.yaml (", lines[3]);
    }

    [Fact]
    public void Given_two_experiments_then_markdown_and_csv_show_the_same_columns()
    {
        TwoExperiments();

        var markdown = Run("Experiments", "--md").Output.Split('\n');
        var csv = Run("Experiments", "--csv").Output.Split('\n');

        Assert.Equal("| Experiment | When | train.lr | a acc | Stages |", markdown[0]);
        Assert.Equal("| --- | --- | --- | --- | --- |", markdown[1]);
        Assert.Matches(@"^\| e2 \| [0-9: -]+ \| 0\.02 \| 0\.520 \[0\.4, 0\.6\] \| 1 ran, 2 up to date \|$", markdown[3]);
        Assert.Equal("Experiment,When,train.lr,a acc,a acc ci_low,a acc ci_high,Stages", csv[0]);
        Assert.Matches(@"^e1,[0-9: -]+,0\.01,0\.510,0\.4,0\.6,""1 ran, 2 up to date""$", csv[1]);
    }

    [Fact]
    public void Given_the_last_option_then_only_the_latest_experiments_are_listed()
    {
        TwoExperiments();

        var (_, output) = Run("Experiments", "--last", "1");

        Assert.DoesNotMatch(new Regex(@"^  e1 ", RegexOptions.Multiline), output);
        Assert.Contains("1 of 2 experiment(s)", output);
    }

    [Fact]
    public void Given_an_experiment_when_showing_it_then_its_changes_fingerprints_metrics_and_cache_are_listed()
    {
        TwoExperiments();
        var fingerprint = Fingerprint("Train");

        var (exit, output) = Run("Experiments", "show", "e2");

        Assert.True(exit == 0, output);
        Assert.Contains("./build.sh All", output);
        Assert.Matches(@"params compared with HEAD:params\.yaml \([0-9a-f]{8}\):\n  train\.lr  0\.001 → 0\.02", output);
        Assert.Matches($@"\n  Train +ran +0:\d\d +{fingerprint}\n", output);
        Assert.Matches(@"\n  Prepare +up to date +[0-9a-f]{32}\n", output);
        Assert.Contains("  a acc  0.520 [0.4, 0.6]", output);
        Assert.Contains("  b acc  0.7 [0.6, 0.8]", output);
        Assert.Contains("metrics/Train/metrics.json", output);
        Assert.Contains("run cache: holds every instance's outputs", output);
    }

    [Fact]
    public void Given_a_run_back_to_the_params_of_an_experiment_when_it_restores_them_then_no_second_record_is_made()
    {
        TwoExperiments();

        var (exit, output) = Run("All", "--set", "train.lr=0.01");

        Assert.True(exit == 0, output);
        Assert.Contains("Train: restored from run cache", output);
        Assert.Contains("experiment e1 has these params and results already; not recorded again", output);
        Assert.False(_ws.Exists(".pipeline/experiments/e3"));
    }

    [Fact]
    public void Given_changed_params_when_only_a_stage_that_reads_none_of_them_runs_then_no_experiment_is_recorded()
    {
        Assert.Equal(0, Run("All").Exit);

        var (exit, output) = Run("Other", "--set", "train.lr=0.05", "--force", "Other");

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("recorded as experiment", output);
        Assert.False(_ws.Exists(".pipeline/experiments/e1"));
    }

    [Fact]
    public void Given_an_edited_params_file_when_running_then_the_run_is_an_experiment_against_head()
    {
        _ws.Write("params.yaml", ExperimentBuild.Params.Replace("seed: 1", "seed: 5"));

        var (exit, output) = Run("All");

        Assert.True(exit == 0, output);
        Assert.Contains("recorded as experiment e1 (train.seed 1 → 5)", output);
    }

    [Fact]
    public void Given_a_workspace_without_git_when_a_run_sets_a_value_then_the_experiment_says_what_it_was_compared_with()
    {
        using var plain = ExperimentBuild.Workspace(git: false);
        Assert.Equal(0, plain.Run(new ExperimentBuild(), "All", "--set", "other.name=x").Exit);

        var (_, output) = plain.Run(new ExperimentBuild(), "Experiments", "show", "1");

        Assert.Contains("params compared with params.yaml in the workspace (no git repository here, or no commit yet):", output);
        Assert.Contains("other.name  hello → x", output);
    }

    [Fact]
    public void Given_an_unknown_experiment_id_then_the_error_lists_the_known_ones_with_exit_2()
    {
        TwoExperiments();

        var (exit, output) = Run("Experiments", "show", "e9");

        Assert.Equal(2, exit);
        Assert.Contains("no experiment 'e9' in .pipeline/experiments; ./build.sh Experiments lists them (e1, e2)", output);
    }

    private string Fingerprint(string id) =>
        Regex.Match(_ws.Read("pipeline.lock"), $@"\n  {id}:\n    command: [^\n]+\n    fingerprint: ([0-9a-f]+)").Groups[1].Value;
}
