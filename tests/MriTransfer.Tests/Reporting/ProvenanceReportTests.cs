using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

public sealed class ProvenanceReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The shape the engine writes for a stage declared with .Provenance() (Pipeline.Engine's ProvenanceFile).</summary>
    private const string EngineFile = """
        {
          "schema": 1, "written": "2026-12-01T14:00:00Z", "stage": "Report",
          "git": { "revision": "0123456789abcdef0123456789abcdef01234567", "dirty": true, "changed_files": ["params.yaml"], "changed_files_total": 1 },
          "lock": { "path": "pipeline.lock", "sha256": "aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899" },
          "params": { "baseline": "HEAD:params.yaml (01234567)", "changes": [ { "key": "train.lr", "old": "0.001", "new": "0.01" } ] },
          "stages": [ { "id": "Evaluate", "result": "ran", "seconds": 75.4, "timed_in_this_run": true },
                      { "id": "Synthesize", "result": "up to date", "seconds": 12, "timed_in_this_run": false } ]
        }
        """;

    [Fact]
    public void Given_the_engines_provenance_file_then_the_report_names_revision_dirty_lock_params_diff_and_stage_times()
    {
        var p = ProvenanceReport.Read(Write("p.json", EngineFile))!;
        var doc = new ReportDocument("t");

        p.AddTables(doc);

        Assert.Equal(["git revision", "0123456789ab"], p.Rows[0]);
        Assert.Equal(["working tree", "dirty: 1 tracked file(s) changed (params.yaml)"], p.Rows[1]);
        Assert.Equal("sha256 aabbccddeeff (when Report started)", p.LockRow);
        var tables = doc.Blocks.OfType<TableBlock>().ToList();
        Assert.Equal(["train.lr", "0.001", "0.01"], tables[0].Rows[0]);
        Assert.Equal(["Evaluate", "ran", "1:15"], tables[1].Rows[0]);
        Assert.Equal(["Synthesize", "up to date", "0:12 (usual)"], tables[1].Rows[1]);
    }

    [Fact]
    public void Given_no_file_or_a_damaged_one_then_there_is_no_provenance_and_no_failure()
    {
        Assert.Null(ProvenanceReport.Read(null));
        Assert.Null(ProvenanceReport.Read(Write("bad.json", "{ \"schema\": 1 }")));
    }
}
