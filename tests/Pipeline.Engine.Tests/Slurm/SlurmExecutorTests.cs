using System.Text.RegularExpressions;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Slurm;

/// <summary>The toy pipeline on a real Slurm cluster (--executor slurm): every stale instance is one sbatch job, tracked
/// with squeue and an exit-code file; publication, lock and run cache are the local executor's.</summary>
[Collection("slurm")]
public sealed class SlurmExecutorTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline()
        .Write(".nuke/parameters.json", """{ "slurm": { "poll_seconds": 0.5 } }""");

    public void Dispose() => _ws.Dispose();

    private (int Exit, string Output) Slurm(params string[] args) => _ws.Run(new ToyBuild(), ["--executor", "slurm", .. args]);

    [SkippableFact]
    public void Given_the_toy_pipeline_when_run_on_slurm_then_each_instance_is_a_job_named_in_the_summary_with_the_same_outputs_as_locally()
    {
        SlurmCluster.Require();
        using var local = new TempWorkspace().WithToyPipeline();
        Assert.Equal(0, local.Run(new ToyBuild(), "All").Exit);

        var (exit, output) = Slurm("All");

        Assert.True(exit == 0, output);
        Assert.Equal(6, Regex.Matches(output, @"^  \S+ +done +[0-9:.]+ +job \d+ on \S+", RegexOptions.Multiline).Count);
        foreach (var file in new[] { "out/Train/model.txt", "out/Aggregate/summary.txt", "out/Curve/fraction-0.5/point.txt", "metrics/Train/metrics.json" })
            Assert.Equal(local.Read(file), _ws.Read(file));
        Assert.Contains("::progress step 1/1", _ws.Read(".pipeline/logs/Train.log"));
        Assert.False(_ws.Exists(".pipeline/slurm-jobs.tsv"));
    }

    [SkippableFact]
    public void Given_a_finished_run_on_slurm_when_running_again_then_nothing_is_submitted()
    {
        SlurmCluster.Require();
        Assert.Equal(0, Slurm("All").Exit);
        _ws.TakeRuns();

        var (exit, output) = Slurm("All");

        Assert.True(exit == 0, output);
        Assert.Contains("0 ran, 0 restored, 6 up to date", output);
        Assert.DoesNotContain("queued as Slurm job", output);
        Assert.Empty(_ws.TakeRuns());
    }

    [SkippableFact]
    public void Given_a_stage_that_fails_on_slurm_when_running_then_the_run_fails_with_its_log_tail_and_dependents_are_skipped()
    {
        SlurmCluster.Require();
        _ws.WithScript("prepare", "echo 'boom: the data is bad' >&2; exit 3");

        var (exit, output) = Slurm("Train");

        Assert.Equal(1, exit);
        Assert.Matches(@"Prepare failed: exit code 3 \(job \d+ on \S+\); log \.pipeline/logs/Prepare\.log", output);
        Assert.Contains("boom: the data is bad", output);
        Assert.Contains("Train: skipped — upstream Prepare failed", output);
    }

    [SkippableFact]
    public void Given_a_partition_sbatch_rejects_when_running_then_the_stage_fails_with_sbatchs_message()
    {
        SlurmCluster.Require();
        _ws.Write(".nuke/parameters.json", """{ "slurm": { "poll_seconds": 0.5, "partition": "no-such-partition" } }""");

        var (exit, output) = Slurm("Other");

        Assert.Equal(1, exit);
        Assert.Contains("Other failed: sbatch refused the job: sbatch: error: invalid partition specified: no-such-partition", output);
        Assert.False(_ws.Exists("out/Other"));
    }

    [SkippableFact]
    public void Given_a_running_job_cancelled_with_scancel_when_it_ends_then_the_stage_fails_saying_so_nothing_is_published_and_a_rerun_recovers()
    {
        SlurmCluster.Require();
        _ws.WithScript("other", "[ -f slow ] && { touch started; sleep 120; }\n" + ToyStages.Other).Write("slow", "");
        var run = Task.Run(() => Slurm("Other"));
        Assert.True(SlurmCluster.WaitFor(() => _ws.Exists("started"), TimeSpan.FromSeconds(60)), "the job did not start");
        var job = Assert.Single(SlurmCluster.JobsOf(_ws));

        Faults.Shell("scancel", job);
        var (exit, output) = run.Result;

        Assert.Equal(1, exit);
        Assert.Contains($"Other failed: Slurm job {job} ended as CANCELLED", output);
        Assert.Contains("it was cancelled (scancel, or an administrator)", output);
        Assert.False(_ws.Exists("out/Other"));
        Assert.Empty(Directory.GetFileSystemEntries(_ws.PathOf("out/.staging")));
        File.Delete(_ws.PathOf("slow"));
        var (again, rerun) = Slurm("Other");
        Assert.True(again == 0, rerun);
        Assert.True(_ws.Exists("out/Other/other.txt"));
    }

    [SkippableFact]
    public void Given_a_job_over_its_time_limit_when_slurm_kills_it_then_the_stage_fails_saying_the_time_limit_ran_out()
    {
        SlurmCluster.Require();
        _ws.Write(".nuke/parameters.json", """{ "slurm": { "poll_seconds": 0.5, "stages": { "Other": { "time": "0:01" } } } }""");
        _ws.WithScript("other", "sleep 300\n" + ToyStages.Other);

        var (exit, output) = Slurm("Other");

        Assert.Equal(1, exit);
        Assert.True(Regex.IsMatch(output, @"Other failed: Slurm job \d+ ended as TIMEOUT"), output);
        Assert.Contains("its time limit ran out; raise slurm.time in .nuke/parameters.json", output);
        Assert.False(_ws.Exists("out/Other"));
    }

    [SkippableFact]
    public void Given_a_running_job_when_the_engine_gets_sigterm_then_it_scancels_the_job_removes_the_staging_folder_and_exits_130()
    {
        SlurmCluster.Require();
        _ws.WithScript("other", "touch started; sleep 120\n" + ToyStages.Other);
        using var engine = ToyHost.Start(_ws, nameof(ToyBuild), "Other", "--executor", "slurm", "--plain");
        var stdout = engine.StandardOutput.ReadToEndAsync();
        Assert.True(SlurmCluster.WaitFor(() => _ws.Exists("started"), TimeSpan.FromSeconds(60)), "the job did not start");
        var job = Assert.Single(SlurmCluster.JobsOf(_ws));

        Processes.Signal(engine.Id, "TERM");

        Assert.True(engine.WaitForExit(TimeSpan.FromSeconds(90)), "the engine did not stop");
        Assert.Equal(130, engine.ExitCode);
        Assert.Contains($"interrupted: Slurm job {job} cancelled with scancel", stdout.Result);
        Assert.Contains(SlurmCluster.StateOf(job), new[] { "CANCELLED", "" });
        Assert.Empty(Directory.GetFileSystemEntries(_ws.PathOf("out/.staging")));
        Assert.False(_ws.Exists("out/Other"));
    }
}
