using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Given_an_unknown_target_when_running_then_it_suggests_the_closest_and_lists_valid_ones_with_exit_code_2()
    {
        var (exit, output) = _ws.Run(new ToyBuild(), "Trian");

        Assert.Equal(2, exit);
        Assert.True(output.Contains("error: unknown target 'Trian' (did you mean 'Train'?); valid targets: Prepare, "), output);
    }

    [Fact]
    public void Given_an_unknown_stage_after_force_when_running_then_it_is_reported_with_exit_code_2()
    {
        var (exit, output) = _ws.Run(new ToyBuild(), "All", "--force", "Prepar");

        Assert.Equal(2, exit);
        Assert.Contains("unknown stage 'Prepar' in --force/--skip (did you mean 'Prepare'?)", output);
    }

    [Fact]
    public void Given_an_unknown_option_when_running_then_it_is_reported_with_exit_code_2()
    {
        var (exit, output) = _ws.Run(new ToyBuild(), "All", "--dryrun");

        Assert.Equal(2, exit);
        Assert.Contains("unknown option '--dryrun' (did you mean '--dry-run'?)", output);
    }

    [Fact]
    public void Given_no_target_when_running_then_the_default_target_of_nuke_parameters_runs()
    {
        _ws.Write(".nuke/parameters.json", """{ "Target": "Other", "Params": "params.yaml" }""");

        var (exit, _) = _ws.Run(new ToyBuild());

        Assert.Equal(0, exit);
        Assert.Equal(["Other"], _ws.TakeRuns());
    }

    [Fact]
    public void Given_help_when_running_then_targets_are_listed_with_descriptions_and_params()
    {
        var (exit, output) = _ws.Run(new ToyBuild(), "--help");

        Assert.Equal(0, exit);
        Assert.Matches(@"\n  All +Everything\n", output);
        Assert.Matches(@"\n  Train +Trains on the prepared data\n", output);
        Assert.Contains("params: train.lr, train.seed", output);
        Assert.Contains("params: train.seed, train.label_fraction ∈ curve.fractions", output);
        Assert.Matches(@"\n  train\.lr +a number in \[0, 1\]: learning rate\n", output);
    }

    [Fact]
    public void Given_plan_when_running_then_the_dag_is_printed_and_a_mermaid_file_written_without_running()
    {
        var (exit, output) = _ws.Run(new ToyBuild(), "All", "--plan");

        Assert.Equal(0, exit);
        Assert.Contains("Curve ×2 (fraction)  [bash stages/point.sh]  <- Prepare", output);
        Assert.Contains("Prepare -->|clean| Train", _ws.Read(".pipeline/plan.mmd"));
        Assert.Empty(_ws.TakeRuns());
    }

    [Fact]
    public void Given_a_set_of_stale_stages_when_asking_status_then_every_reason_is_listed()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.Write("data/raw/a.txt", "alpha, revised\n");
        _ws.WithScript("other", ToyStages.Other + "\n# a comment");
        Directory.Delete(_ws.PathOf("out/Aggregate"), recursive: true);

        var (exit, output) = _ws.Run(new ToyBuild(), "Status", "--set", "train.lr=0.0003");

        Assert.Equal(0, exit);
        Assert.Contains("Train: stale\n    params train.lr: 0.001 → 0.0003\n    upstream Prepare will run", output);
        Assert.Contains("Prepare: stale\n    dependency data/raw/a.txt changed", output);
        Assert.Contains("Other: stale\n    code of stages/other.sh changed\n    dependency data/raw/a.txt changed", output);
        Assert.Contains("Aggregate: stale\n    output missing", output);
    }

    [Fact]
    public void Given_a_fresh_workspace_when_asking_status_then_every_stage_was_never_run()
    {
        var (exit, output) = _ws.Run(new ToyBuild(), "Status");

        Assert.Equal(0, exit);
        Assert.Contains("Prepare: stale\n    never run", output);
        Assert.Contains("6 of 6 stage instance(s) would run.", output);
    }

    [Fact]
    public void Given_cache_entries_no_longer_in_the_lock_when_collecting_garbage_then_they_are_removed_and_bytes_reported()
    {
        _ws.Run(new ToyBuild(), "Other");
        _ws.Run(new ToyBuild(), "Other", "--set", "other.name=second");

        var kept = Pipeline.Engine.Locking.LockFile.Load(_ws.PathOf("pipeline.lock"), "pipeline.lock")["Other"]!.Fingerprint;
        var unreferenced = Directory.GetDirectories(_ws.PathOf(".pipeline/cache")).Single(d => Path.GetFileName(d) != kept);
        // outputs, manifest, machine.txt and the entry's lock entry: none is linked from out/ any more
        var freed = Directory.GetFiles(unreferenced, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        var (exit, output) = _ws.Run(new ToyBuild(), "Gc");

        Assert.Equal(0, exit);
        Assert.Contains($"Gc: removed 1 run-cache entry not referenced by pipeline.lock or an experiment, freed {freed} B", output);
        // what the lock still names: the manifest of data/raw and of out/Other's whole folder
        var entry = Pipeline.Engine.Locking.LockFile.Load(_ws.PathOf("pipeline.lock"), "pipeline.lock")["Other"]!;
        Assert.Equal(new[] { entry.Dependencies["raw"].Hash + ".tsv", entry.Folder!.Hash + ".tsv" }.Order(),
            Directory.GetFiles(_ws.PathOf(".pipeline/manifests")).Select(Path.GetFileName).Order());
        Assert.Single(Directory.GetDirectories(_ws.PathOf(".pipeline/cache")));
    }
}
