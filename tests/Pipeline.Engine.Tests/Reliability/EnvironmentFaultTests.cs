using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Reliability;

/// <summary>Faults of the machine are messages naming the path and what to do (exit 2, summary printed, nothing
/// published half-way), never "unexpected error (a bug)".</summary>
public sealed class EnvironmentFaultTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    public void Dispose() => _ws.Dispose();

    private static void AssertNoBug(string output)
    {
        Assert.DoesNotContain("a bug", output);
        Assert.DoesNotContain("   at ", output);
    }

    [SkippableFact]
    public void Given_a_read_only_out_folder_when_running_then_each_stage_fails_naming_the_path_the_summary_is_printed_and_exit_is_2()
    {
        Directory.CreateDirectory(_ws.PathOf("out"));

        var (exit, output) = Faults.RunWithMounts(_ws, "mount --bind out out; mount -o remount,bind,ro out", "Other", "--plain");

        Assert.True(exit == 2, output);
        Assert.Contains("Other failed: out/.staging/Other-", output);
        Assert.Contains(": read-only file system while creating the stage's staging folder; run from a writable copy", output);
        Assert.Contains("0 ran, 0 restored, 0 up to date, 1 failed, 0 skipped", output);
        AssertNoBug(output);
    }

    [SkippableFact]
    public void Given_a_full_disk_when_restoring_from_the_run_cache_then_it_says_no_space_left_not_that_the_entry_is_unreadable()
    {
        _ws.WithScript("other", ToyStages.Other + "\nhead -c 262144 /dev/zero > \"$O/big.bin\"");
        Assert.Equal(0, _ws.Run(new ToyBuild(), "Other").Exit);
        Directory.Delete(_ws.PathOf("out"), recursive: true);
        Directory.CreateDirectory(_ws.PathOf("out"));

        var (exit, output) = Faults.RunWithMounts(_ws, "mount -t tmpfs -o size=64k tmpfs out", "Other", "--plain");

        Assert.True(exit == 2, output);
        Assert.Contains("no space left on device while restoring Other from the run cache; free space there", output);
        Assert.DoesNotContain("unreadable", output);
        Assert.Contains("0 ran, 0 restored, 0 up to date, 1 failed, 0 skipped", output);
        AssertNoBug(output);
    }

    [SkippableFact]
    public void Given_an_output_folder_that_cannot_be_renamed_when_publishing_then_it_fails_naming_it_and_the_earlier_output_stays()
    {
        _ws.Run(new ToyBuild(), "Other");
        var before = _ws.Read("out/Other/other.txt");
        (int, string) result;
        using (Faults.Immutable(_ws.PathOf("out/Other")))
            result = _ws.Run(new ToyBuild(), "Other", "--force", "Other");
        var (exit, output) = result;

        Assert.Equal(2, exit);
        Assert.True(output.Contains("Other failed: out/Other: permission denied while publishing out/Other (the earlier output could not be moved aside; it stays)"), output);
        Assert.Equal(before, _ws.Read("out/Other/other.txt"));
        Assert.Empty(Directory.GetFileSystemEntries(_ws.PathOf("out/.staging")));
        AssertNoBug(output);
    }

    [SkippableFact]
    public void Given_a_pipeline_lock_that_cannot_be_written_when_a_stage_finishes_then_it_says_so_and_the_next_run_restores_instead_of_rerunning()
    {
        _ws.Run(new ToyBuild(), "Other");
        _ws.TakeRuns();
        (int, string) result;
        using (Faults.Immutable(_ws.PathOf("pipeline.lock")))
            result = _ws.Run(new ToyBuild(), "Other", "--set", "other.name=changed");
        var (exit, output) = result;

        Assert.Equal(2, exit);
        Assert.Contains("Other failed: pipeline.lock: permission denied while recording Other (its outputs are published; the next run re-checks them)", output);
        Assert.Contains("0 ran, 0 restored, 0 up to date, 1 failed, 0 skipped", output);
        AssertNoBug(output);
        _ws.TakeRuns();
        var (again, rerun) = _ws.Run(new ToyBuild(), "Other", "--set", "other.name=changed");
        Assert.True(again == 0, rerun);
        Assert.Contains("Other: restored from run cache", rerun);
        Assert.Empty(_ws.TakeRuns());
    }

    [Fact]
    public void Given_a_stat_cache_that_is_a_folder_when_running_then_it_warns_naming_it_and_the_run_succeeds()
    {
        Directory.CreateDirectory(_ws.PathOf(".pipeline/statcache.tsv"));

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.True(exit == 0, output);
        Assert.Contains("statcache.tsv is a folder, not a file; hashing without a stat cache this run (delete that folder to keep one)", output);
        AssertNoBug(output);
    }
}
