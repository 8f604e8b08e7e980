using Pipeline.Engine.Execution.Slurm;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Slurm;

/// <summary>--executor slurm checks Slurm before submitting anything.</summary>
[Collection("slurm")]
public sealed class SlurmPreflightTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Given_no_sbatch_on_path_when_running_on_slurm_then_it_stops_at_start_with_exit_code_2_and_runs_nothing()
    {
        var (exit, output) = ToyHost.Run(_ws, nameof(ToyBuild), new Dictionary<string, string?> { ["PATH"] = "/nonexistent" }, "All", "--executor", "slurm");

        Assert.Equal(2, exit);
        Assert.Contains("error: --executor slurm: sbatch, squeue, scancel, sinfo are not on PATH; install the Slurm client commands", output);
        Assert.Empty(_ws.TakeRuns());
        Assert.False(_ws.Exists("out"));
    }

    [Fact]
    public void Given_the_slurm_executor_set_in_nuke_parameters_when_sbatch_is_missing_then_the_run_stops_at_start()
    {
        _ws.Write(".nuke/parameters.json", """{ "Target": "All", "executor": "slurm" }""");

        var (exit, output) = ToyHost.Run(_ws, nameof(ToyBuild), new Dictionary<string, string?> { ["PATH"] = "/nonexistent" });

        Assert.Equal(2, exit);
        Assert.Contains("--executor slurm: sbatch, squeue, scancel, sinfo are not on PATH", output);
        Assert.Empty(_ws.TakeRuns());
    }

    [SkippableFact]
    public void Given_a_controller_that_does_not_answer_when_running_on_slurm_then_it_stops_at_start_with_exit_code_2()
    {
        Skip.If(SlurmCluster.SlurmOnPath("sinfo") is null, "Slurm's client commands are not installed");
        _ws.Write("dead.conf", "ClusterName=dead\nSlurmctldHost=localhost\nSlurmctldPort=1\nMessageTimeout=2\nAuthType=auth/none\nNodeName=localhost CPUs=1\nPartitionName=p Nodes=ALL Default=YES\n");

        var (exit, output) = ToyHost.Run(_ws, nameof(ToyBuild), new Dictionary<string, string?> { ["SLURM_CONF"] = _ws.PathOf("dead.conf") }, "All", "--executor", "slurm");

        Assert.Equal(2, exit);
        Assert.Contains("error: --executor slurm: the Slurm controller does not answer (sinfo: ", output);
        Assert.Empty(_ws.TakeRuns());
    }

    [Theory]
    [InlineData("/tmp/ws", 4, true)]
    [InlineData("/tmp/ws", 1, false)]
    [InlineData("/home/lab/ws", 4, false)]
    [InlineData("/dev/shm/ws", 2, true)]
    public void Given_a_workspace_path_and_a_node_count_then_it_warns_only_for_a_node_local_path_on_several_nodes(string root, int nodes, bool warns)
    {
        var warning = SlurmPreflight.SharedPathWarning(root, nodes);

        Assert.Equal(warns, warning is not null);
        if (warns) Assert.Contains("usually local to each node", warning);
    }

    [Fact]
    public void Given_a_slurm_override_for_a_stage_that_does_not_exist_when_running_then_it_is_reported()
    {
        _ws.Write(".nuke/parameters.json", """{ "slurm": { "stages": { "Trian": { "extra": ["--gres=gpu:1"] } } } }""");

        var (exit, output) = _ws.Run(new ToyBuild(), "All", "--executor", "slurm");

        Assert.Equal(2, exit);
        Assert.Contains("slurm.stages names 'Trian', which is not a stage (did you mean 'Train'?)", output);
    }

    [Fact]
    public void Given_settings_with_a_stage_override_then_the_stage_gets_the_defaults_then_its_own_flags()
    {
        using var json = System.Text.Json.JsonDocument.Parse("""{ "partition": "cpu", "mem": "4G", "stages": { "Pretrain": { "partition": "gpu", "extra": ["--gres=gpu:1"] } } }""");
        var settings = SlurmSettings.Parse(json.RootElement, "slurm");

        Assert.Equal(["--cpus-per-task=2", "--partition=cpu", "--mem=4G", "--partition=gpu", "--gres=gpu:1"], settings.FlagsFor("Pretrain", 2));
        Assert.Equal(["--cpus-per-task=1", "--partition=cpu", "--mem=4G"], settings.FlagsFor("Evaluate", 1));
    }
}
