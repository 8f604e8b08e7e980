using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Reliability;

/// <summary>pipeline.lock proves itself: a damaged lock is reported, never trusted nor taken as empty; --repair-lock
/// rebuilds it from out/ and the run cache.</summary>
public sealed class LockIntegrityTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    public void Dispose() => _ws.Dispose();

    private string LockText => _ws.Read("pipeline.lock");

    private void RunAll()
    {
        var (exit, output) = _ws.Run(new ToyBuild(), "All");
        Assert.True(exit == 0, output);
        _ws.TakeRuns();
    }

    public static TheoryData<string, string> Damages => new()
    {
        { "truncated by three lines", "its last line is not its checksum (the file was truncated or edited)" },
        { "edited by hand", "its checksum does not match its content (edited by hand, truncated or merged)" },
        { "empty", "the file is empty" },
        { "unknown version", "unknown version 7 (this engine reads versions 1 and 2)" },
        { "merge conflict", "not valid YAML" },
    };

    private void Damage(string how)
    {
        var lines = LockText.Split('\n').SkipLast(1).ToList(); // the text ends with a newline
        var text = how switch
        {
            "truncated by three lines" => string.Join('\n', lines.SkipLast(3)) + "\n",
            "edited by hand" => LockText.Replace("train.lr: 0.001", "train.lr: 0.002"),
            "empty" => "",
            "unknown version" => LockText.Replace("version: 2", "version: 7"),
            "merge conflict" => LockText.Replace("  Other:\n", "<<<<<<< HEAD\n  Other:\n=======\n>>>>>>> branch\n"),
            _ => throw new ArgumentException(how),
        };
        _ws.Write("pipeline.lock", text);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void Given_a_damaged_lock_when_asking_status_then_it_is_reported_with_exit_code_2_and_how_to_repair_it(string how, string why)
    {
        RunAll();
        Damage(how);

        var (exit, output) = _ws.Run(new ToyBuild(), "Status");

        Assert.Equal(2, exit);
        Assert.Contains($"error: pipeline.lock is damaged: {why}", output);
        Assert.Contains("`./build.sh --repair-lock` rebuilds it from out/ and the run cache, or delete it", output);
        Assert.DoesNotContain("up to date", output);
    }

    [Fact]
    public void Given_a_truncated_lock_and_a_deleted_output_when_running_then_nothing_runs_and_the_lock_is_not_rewritten()
    {
        RunAll();
        Damage("truncated by three lines");
        var damaged = LockText;
        Directory.Delete(_ws.PathOf("out/Train"), recursive: true);

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.Equal(2, exit);
        Assert.Contains("pipeline.lock is damaged", output);
        Assert.Empty(_ws.TakeRuns());
        Assert.Equal(damaged, LockText);
    }

    [Fact]
    public void Given_a_damaged_lock_when_repairing_then_the_lock_is_rebuilt_and_the_next_run_runs_nothing()
    {
        RunAll();
        var good = LockText;
        Damage("truncated by three lines");

        var (exit, output) = _ws.Run(new ToyBuild(), "--repair-lock");

        Assert.True(exit == 0, output);
        Assert.Contains("pipeline.lock rebuilt from out/ and the run cache: 6 of 6 stage instance(s) have an entry", output);
        Assert.Equal(good, LockText);
        var (again, rerun) = _ws.Run(new ToyBuild(), "All");
        Assert.True(again == 0, rerun);
        Assert.Empty(_ws.TakeRuns());
    }

    [Fact]
    public void Given_an_output_no_cache_entry_vouches_for_when_repairing_then_it_gets_no_entry_and_runs_again()
    {
        RunAll();
        File.Delete(_ws.PathOf("out/Other/other.txt"));
        _ws.Write("out/Other/other.txt", "made by hand\n");
        Damage("edited by hand");

        var (exit, output) = _ws.Run(new ToyBuild(), "--repair-lock");

        Assert.True(exit == 0, output);
        Assert.Contains("no run-cache entry holds exactly what is in out/Other: they will run again", output);
        var (again, rerun) = _ws.Run(new ToyBuild(), "All");
        Assert.True(again == 0, rerun);
        Assert.Contains("Other: restored from run cache — never run", rerun);
        Assert.Empty(_ws.TakeRuns());
    }

    [Fact]
    public void Given_an_output_made_from_older_params_when_repairing_then_its_old_entry_comes_back_and_the_stage_says_why_it_is_stale()
    {
        RunAll();
        _ws.Write("params.yaml", _ws.Read("params.yaml").Replace("name: hello", "name: changed"));
        Damage("empty");

        var (exit, output) = _ws.Run(new ToyBuild(), "--repair-lock");
        var (_, status) = _ws.Run(new ToyBuild(), "Status");

        Assert.True(exit == 0, output);
        Assert.Contains("Other: stale\n    params other.name: hello → changed", status);
        Assert.Contains("Prepare: up to date", status);
    }

    [Fact]
    public void Given_a_version_1_lock_when_running_then_it_is_read_completed_from_the_run_cache_and_written_as_version_2()
    {
        RunAll();
        var current = LockText;
        var v1 = string.Join('\n', current.Split('\n').Where(l => !l.StartsWith("# ", StringComparison.Ordinal) && !l.StartsWith("    folder: ", StringComparison.Ordinal)))
            .Replace("version: 2", "version: 1");
        _ws.Write("pipeline.lock", v1);

        var (exit, output) = _ws.Run(new ToyBuild(), "All");

        Assert.True(exit == 0, output);
        Assert.Contains("note: pipeline.lock is version 1 (no checksum); a run rewrites it as version 2", output);
        Assert.Empty(_ws.TakeRuns());
        Assert.Equal(current, LockText);
    }
}
