using System.Text.Json;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>A stage declared with <c>.Provenance()</c> is handed the run's provenance file; no fingerprint covers it.</summary>
public sealed class ProvenanceTests : IDisposable
{
    private readonly TempWorkspace _ws = ExperimentBuild.Workspace();

    public void Dispose() => _ws.Dispose();

    private JsonElement Provenance() => JsonDocument.Parse(_ws.Read("out/Report/provenance.json")).RootElement;

    [Fact]
    public void Given_a_run_with_a_set_value_then_the_stage_gets_the_revision_the_lock_checksum_the_params_diff_and_each_stages_result()
    {
        var (exit, output) = _ws.Run(new ExperimentBuild(), "Report", "--set", "train.lr=0.01");

        Assert.True(exit == 0, output);
        var p = Provenance();
        Assert.Matches("^[0-9a-f]{40}$", p.GetProperty("git").GetProperty("revision").GetString());
        Assert.False(p.GetProperty("git").GetProperty("dirty").GetBoolean());
        Assert.Matches("^[0-9a-f]{64}$", p.GetProperty("lock").GetProperty("sha256").GetString());
        var change = Assert.Single(p.GetProperty("params").GetProperty("changes").EnumerateArray());
        Assert.Equal(("train.lr", "0.001", "0.01"), (change.GetProperty("key").GetString(), change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
        var stages = p.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("result").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["Prepare"] = "ran", ["Train"] = "ran" }, stages);
    }

    [Fact]
    public void Given_an_edited_tracked_file_then_the_revision_is_dirty_and_an_unchanged_rerun_keeps_the_report()
    {
        _ws.Write("params.yaml", ExperimentBuild.Params.Replace("# the toy pipeline's params", "# edited comment"));
        Assert.Equal(0, _ws.Run(new ExperimentBuild(), "Report").Exit);
        var first = _ws.Read("out/Report/provenance.json");
        _ws.TakeRuns();

        var (exit, output) = _ws.Run(new ExperimentBuild(), "Report");

        Assert.True(exit == 0, output);
        Assert.Empty(_ws.TakeRuns());
        Assert.Equal(first, _ws.Read("out/Report/provenance.json"));
        Assert.True(Provenance().GetProperty("git").GetProperty("dirty").GetBoolean());
        Assert.Equal("params.yaml", Assert.Single(Provenance().GetProperty("git").GetProperty("changed_files").EnumerateArray()).GetString());
    }
}
