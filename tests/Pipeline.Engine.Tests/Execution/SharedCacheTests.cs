using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>A run cache shared by several workspaces (--cache-dir): clones restore each other's results, racing
/// writers of one fingerprint never corrupt an entry, and Gc keeps what other workspaces' locks name.</summary>
public sealed class SharedCacheTests : IDisposable
{
    private readonly TempWorkspace _cache = new();
    private readonly TempWorkspace _first = new TempWorkspace().WithToyPipeline();
    private readonly TempWorkspace _second = new TempWorkspace().WithToyPipeline();

    public void Dispose()
    {
        foreach (var ws in new[] { _first, _second, _cache })
        {
            Faults.Shell("chmod", "-R", "u+w", ws.Root); // shared entries are read-only
            ws.Dispose();
        }
    }

    private string[] Shared => ["--cache-dir", _cache.Root];

    private string[] Entries() => Directory.GetDirectories(_cache.Root).Select(Path.GetFileName).Order().ToArray()!;

    [Fact]
    public void Given_a_cache_filled_by_one_clone_when_a_second_clone_runs_then_every_stage_is_restored_and_none_runs()
    {
        Assert.Equal(0, _first.Run(new ToyBuild(), ["All", .. Shared]).Exit);

        var (exit, output) = _second.Run(new ToyBuild(), ["All", .. Shared]);

        Assert.True(exit == 0, output);
        Assert.Contains("0 ran, 6 restored, 0 up to date", output);
        Assert.Empty(_second.TakeRuns());
        Assert.Equal(_first.Read("out/Aggregate/summary.txt"), _second.Read("out/Aggregate/summary.txt"));
    }

    [Fact]
    public void Given_two_workspaces_publishing_the_same_fingerprint_at_once_then_both_succeed_and_the_cache_holds_one_whole_entry()
    {
        foreach (var ws in new[] { _first, _second }) ws.WithScript("other", "sleep 1\n" + ToyStages.Other);
        using var a = ToyHost.Start(_first, nameof(ToyBuild), ["Other", "--plain", .. Shared]);
        using var b = ToyHost.Start(_second, nameof(ToyBuild), ["Other", "--plain", .. Shared]);
        var outputs = new[] { a.StandardOutput.ReadToEndAsync(), b.StandardOutput.ReadToEndAsync() };
        a.WaitForExit();
        b.WaitForExit();

        Assert.True(a.ExitCode == 0, outputs[0].Result);
        Assert.True(b.ExitCode == 0, outputs[1].Result);
        Assert.Equal(new[] { ".workspaces", Pipeline.Engine.Locking.LockFile.Load(_first.PathOf("pipeline.lock"), "pipeline.lock")["Other"]!.Fingerprint }.Order(), Entries());
        Assert.DoesNotContain("could not add", outputs[0].Result + outputs[1].Result);
        Directory.Delete(_second.PathOf("out"), recursive: true);
        var (exit, output) = _second.Run(new ToyBuild(), ["Other", .. Shared]);
        Assert.True(exit == 0, output);
        Assert.Contains("Other: restored from run cache", output);
    }

    [Fact]
    public void Given_an_entry_another_workspace_still_names_when_collecting_garbage_then_it_is_kept_unless_shared_is_given()
    {
        Assert.Equal(0, _first.Run(new ToyBuild(), ["Other", .. Shared]).Exit);
        Assert.Equal(0, _second.Run(new ToyBuild(), ["Other", "--set", "other.name=second", .. Shared]).Exit);

        var (exit, output) = _second.Run(new ToyBuild(), ["Gc", .. Shared]);

        Assert.True(exit == 0, output);
        Assert.Contains("Gc: removed 0 run-cache entries", output);
        Assert.Contains("kept the entries 1 other workspace(s) sharing", output);
        Assert.Equal(3, Entries().Length); // both entries and the list of workspaces
        var (shared, sharedOutput) = _second.Run(new ToyBuild(), ["Gc", "--shared", .. Shared]);
        Assert.True(shared == 0, sharedOutput);
        Assert.Contains("Gc: removed 1 run-cache entry", sharedOutput);
    }
}
