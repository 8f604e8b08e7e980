using Pipeline.Engine.Tests.Support;
using Snapshooter.Xunit;

namespace Pipeline.Engine.Tests.Locking;

public sealed class LockFileSnapshotTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Given_the_toy_pipeline_when_it_has_run_then_the_lock_file_matches_the_snapshot()
    {
        var (exit, output) = _ws.Run(new ToyBuild(), "All");
        Assert.True(exit == 0, output);

        var lockText = _ws.Read("pipeline.lock");

        Assert.DoesNotContain(_ws.Root, lockText);
        // the machine line names this CPU (provenance, not part of the fingerprint): the snapshot holds a placeholder
        var machine = $"machine: {YamlText.Scalar(MachineDescription.Cpu)}\n";
        Assert.Contains(machine, lockText);
        // so does the checksum line over it
        var checksum = lockText.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("# checksum xxh128 ", checksum);
        Snapshot.Match(lockText.Replace(machine, "machine: <this CPU>\n").Replace(checksum, "# checksum xxh128 <of the lines above>"));
    }

    [Fact]
    public void Given_a_lock_file_when_read_back_and_written_again_then_it_is_byte_identical()
    {
        _ws.Run(new ToyBuild(), "All");
        var first = _ws.Read("pipeline.lock");

        var reread = Pipeline.Engine.Locking.LockFile.Load(_ws.PathOf("pipeline.lock"), "pipeline.lock").ToYaml();

        Assert.Equal(first, reread);
    }
}
