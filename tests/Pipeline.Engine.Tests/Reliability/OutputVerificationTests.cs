using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Reliability;

/// <summary>Every file of a published folder is verified, not only the declared outputs: a changed, added or deleted
/// file anywhere in out/&lt;Stage&gt;/ makes the stage stale with the file named, and the run repairs it.</summary>
public sealed class OutputVerificationTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline()
        .WithScript("prepare", ToyStages.Prepare + "\n" + """
            mkdir -p "$O/subjects"; echo one > "$O/subjects/s1.txt"; echo two > "$O/subjects/s2.txt"
            """);

    public TempWorkspace Ran()
    {
        var (exit, output) = _ws.Run(new ToyBuild(), "All");
        Assert.True(exit == 0, output);
        _ws.TakeRuns();
        return _ws;
    }

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Given_a_deleted_file_in_an_undeclared_subfolder_when_asking_status_then_the_stage_is_stale_naming_the_file()
    {
        File.Delete(Ran().PathOf("out/Prepare/subjects/s2.txt"));

        var (exit, output) = _ws.Run(new ToyBuild(), "Status");

        Assert.Equal(0, exit);
        Assert.Contains("Prepare: stale\n    output subjects/s2.txt missing", output);
    }

    [Fact]
    public void Given_a_deleted_file_in_an_undeclared_subfolder_when_running_then_it_is_restored_from_the_run_cache_and_nothing_reruns()
    {
        File.Delete(Ran().PathOf("out/Prepare/subjects/s2.txt"));

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.True(exit == 0, output);
        Assert.Contains("Prepare: restored from run cache — output subjects/s2.txt missing", output);
        Assert.Equal("two\n", _ws.Read("out/Prepare/subjects/s2.txt"));
        Assert.Empty(_ws.TakeRuns());
    }

    [Fact]
    public void Given_a_file_overwritten_in_place_when_running_then_the_stage_reruns_naming_it_and_downstream_stays_up_to_date()
    {
        // writing into the file also changes the run cache's hard link of it: the cache entry no longer verifies
        File.WriteAllText(Ran().PathOf("out/Prepare/subjects/s1.txt"), "tampered\n");

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.True(exit == 0, output);
        Assert.Contains("output subjects/s1.txt changed", output);
        Assert.Equal(["Prepare"], _ws.TakeRuns());
        Assert.Equal("one\n", _ws.Read("out/Prepare/subjects/s1.txt"));
        Assert.Contains("Train: up to date", output);
    }

    [Fact]
    public void Given_a_file_added_to_a_matrix_instance_folder_when_running_then_that_instance_is_restored_without_the_file()
    {
        Ran().Write("out/Curve/fraction-0.5/notes.txt", "not made by the stage");

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.True(exit == 0, output);
        Assert.Contains("Curve/fraction-0.5: restored from run cache — output notes.txt added", output);
        Assert.False(_ws.Exists("out/Curve/fraction-0.5/notes.txt"));
        Assert.Empty(_ws.TakeRuns());
    }
}
