using Pipeline.Engine.Execution;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

public sealed class FaultTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Given_a_stage_that_exits_non_zero_when_running_then_dependents_are_skipped_unrelated_branches_finish_and_exit_code_is_1()
    {
        _ws.WithScript("prepare", "echo 'boom: the data is bad' >&2; exit 1");

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.Equal(1, exit);
        Assert.Contains("Prepare failed: exit code 1; log .pipeline/logs/Prepare.log", output);
        Assert.Contains("boom: the data is bad", output);
        Assert.Contains("Train: skipped — upstream Prepare failed", output);
        Assert.True(_ws.Exists("out/Other/other.txt"));
    }

    [Fact]
    public void Given_a_stage_that_reports_bad_input_with_exit_code_2_when_running_then_the_run_exits_2_not_1()
    {
        _ws.WithScript("prepare", "echo 'subjects/a.nii.gz: not gzip; set preprocess.on_bad_subject' >&2; exit 2");

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.Equal(2, exit);
        Assert.Contains("Prepare failed: exit code 2", output);
        Assert.Contains("not gzip", output);
    }

    [Fact]
    public void Given_earlier_outputs_when_a_rerun_fails_then_the_outputs_and_lock_entry_stay_untouched()
    {
        _ws.Run(new ToyBuild(), "Prepare");
        var output = _ws.Read("out/Prepare/clean.txt");
        var lockText = _ws.Read("pipeline.lock");
        _ws.WithScript("prepare", "echo partial > \"$O/clean.txt\"; exit 3");

        var (exit, _) = _ws.Run(new ToyBuild(), "Prepare", "--set", "prep.factor=3");

        Assert.Equal(1, exit);
        Assert.Equal(output, _ws.Read("out/Prepare/clean.txt"));
        Assert.Equal(lockText, _ws.Read("pipeline.lock"));
    }

    [Fact]
    public void Given_a_stage_killed_with_sigkill_when_rerunning_then_the_pipeline_recovers_with_no_leftovers()
    {
        _ws.WithScript("prepare", "echo partial > \"$O/clean.txt\"; kill -9 $$");
        var (killedExit, killedOutput) = _ws.Run(new ToyBuild(), "Train");
        Assert.Equal(1, killedExit);
        Assert.Contains("exit code 137 (SIGKILL: most often the kernel's out-of-memory killer", killedOutput);
        Assert.False(_ws.Exists("out/Prepare"));

        _ws.WithScript("prepare", ToyStages.Prepare);
        var (exit, output) = _ws.Run(new ToyBuild(), "Train");

        Assert.True(exit == 0, output);
        Assert.True(_ws.Exists("out/Train/model.txt"));
        Assert.Empty(Directory.GetFileSystemEntries(_ws.PathOf("out/.staging")));
        Assert.Contains("Prepare:", _ws.Read("pipeline.lock"));
    }

    [Fact]
    public void Given_a_declared_output_the_stage_did_not_write_when_it_exits_0_then_the_stage_fails_with_a_clear_message()
    {
        _ws.WithScript("other", "echo hi > \"$O/something-else.txt\"");

        var (exit, output) = _ws.Run(new ToyBuild(), "Other");

        Assert.Equal(1, exit);
        Assert.Contains("Other failed: exited 0 but did not write declared output other.txt", output);
        Assert.False(_ws.Exists("out/Other"));
    }

    [Fact]
    public void Given_a_missing_dependency_file_when_running_then_the_stage_fails_naming_it_and_exit_code_is_2()
    {
        Directory.Delete(_ws.PathOf("data/raw"), recursive: true);

        var (exit, output) = _ws.Run(new ToyBuild(), "Other");

        Assert.Equal(2, exit);
        Assert.Contains("dependency data/raw (input 'raw') does not exist", output);
    }

    [Fact]
    public void Given_a_run_holding_the_workspace_when_a_second_run_starts_then_it_stops_at_once_naming_the_holder()
    {
        using var held = WorkspaceLock.Acquire(new Workspace(_ws.Root), _ => { });

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.Equal(2, exit);
        Assert.Contains($"another pipeline run holds this workspace (pid {Environment.ProcessId} on {Environment.MachineName}, started", output);
        Assert.Empty(_ws.TakeRuns());
    }

    [Fact]
    public void Given_another_process_holding_the_workspace_lock_when_a_run_starts_then_it_is_refused()
    {
        _ws.Write(".pipeline/workspace.owner", "pid 4242 on other-host, started 2026-01-01 00:00:00 UTC\n");
        _ws.Write(".pipeline/workspace.lock", "");
        var start = new System.Diagnostics.ProcessStartInfo("flock") { ArgumentList = { _ws.PathOf(".pipeline/workspace.lock"), "-c", "touch held; sleep 30" }, WorkingDirectory = _ws.Root };
        using var holder = System.Diagnostics.Process.Start(start)!;
        try
        {
            for (var i = 0; i < 100 && !_ws.Exists("held"); i++) Thread.Sleep(50);

            var (exit, output) = _ws.Run(new ToyBuild(), "All");

            Assert.Equal(2, exit);
            Assert.Contains("another pipeline run holds this workspace (pid 4242 on other-host", output);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void Given_a_lock_left_by_a_dead_run_when_running_then_it_is_taken_over()
    {
        _ws.Write(".pipeline/workspace.owner", "pid 999999 on somewhere, started 2026-01-01 00:00:00 UTC\n");
        _ws.Write(".pipeline/workspace.lock", "");
        _ws.Write("out/.staging/Prepare-deadbeef/clean.txt", "half written");

        var (exit, output) = _ws.Run(new ToyBuild(), "Prepare");

        Assert.True(exit == 0, output);
        Assert.Contains("taking over the workspace lock left by a run that is no longer alive (pid 999999", output);
        Assert.False(_ws.Exists("out/.staging/Prepare-deadbeef"));
    }

    [Fact]
    public void Given_a_corrupt_stat_cache_when_running_then_it_warns_and_rehashes_without_rerunning()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.TakeRuns();
        _ws.Write(".pipeline/statcache.tsv", "pipeline-statcache v1\nthis\tis\tnot\ta\tcache\n");

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.Equal(0, exit);
        Assert.Contains("warning: stat cache", output);
        Assert.Empty(_ws.TakeRuns());
    }

    [Fact]
    public void Given_a_corrupt_run_cache_entry_when_restoring_then_it_warns_and_reruns_the_stage()
    {
        _ws.Run(new ToyBuild(), "Prepare");
        _ws.TakeRuns();
        var entry = Directory.GetDirectories(_ws.PathOf(".pipeline/cache")).Single();
        Directory.Delete(_ws.PathOf("out/Prepare"), recursive: true);
        File.Delete(Path.Combine(entry, "files", "clean.txt"));
        File.WriteAllText(Path.Combine(entry, "files", "clean.txt"), "tampered");

        var (exit, output) = _ws.Run(new ToyBuild(), "Prepare");

        Assert.True(exit == 0, output);
        Assert.Contains("does not match its manifest; ignoring it", output);
        Assert.Equal(["Prepare"], _ws.TakeRuns());
    }
}
