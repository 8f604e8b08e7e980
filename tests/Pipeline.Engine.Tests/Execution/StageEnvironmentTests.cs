using Pipeline.Engine.Locking;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>Environment variables a stage declares: passed to its process, part of its fingerprint, kept in the lock.</summary>
public sealed class StageEnvironmentTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace()
        .WithScript("env", """printenv KERNELS > "$O/kernels.txt"; printenv OTHER >> "$O/kernels.txt" || true """)
        .Write("params.yaml", "");

    public void Dispose() => _ws.Dispose();

    private sealed class EnvBuild(string kernels)
    {
        Stage Env => _ => _
            .Command("bash", "stages/env.sh").Code("stages/env.sh")
            .Environment("KERNELS", kernels)
            .Outputs("kernels.txt");
    }

    [Fact]
    public void Given_a_declared_variable_when_the_stage_runs_then_its_process_sees_the_declared_value()
    {
        var (exit, output) = _ws.Run(new EnvBuild("avx2"), "Env");

        Assert.True(exit == 0, output);
        Assert.Equal("avx2", _ws.Read("out/Env/kernels.txt").Trim());
    }

    [Fact]
    public void Given_a_declared_variable_also_set_by_the_caller_when_the_stage_runs_then_the_declared_value_wins()
    {
        Environment.SetEnvironmentVariable("KERNELS", "avx512");
        try
        {
            var (exit, output) = _ws.Run(new EnvBuild("avx2"), "Env");

            Assert.True(exit == 0, output);
            Assert.Equal("avx2", _ws.Read("out/Env/kernels.txt").Trim());
        }
        finally { Environment.SetEnvironmentVariable("KERNELS", null); }
    }

    [Fact]
    public void Given_a_finished_run_when_the_declared_value_changes_then_the_stage_reruns_and_says_which_variable_changed()
    {
        _ws.Run(new EnvBuild("avx2"), "Env");
        _ws.TakeRuns();

        var (exit, output) = _ws.Run(new EnvBuild("default"), "Env");

        Assert.True(exit == 0, output);
        Assert.Equal(["Env"], _ws.TakeRuns());
        Assert.Contains("environment KERNELS: avx2 → default", output);
    }

    [Fact]
    public void Given_a_finished_run_then_the_lock_records_the_variable_and_the_machine_it_ran_on()
    {
        _ws.Run(new EnvBuild("avx2"), "Env");

        var entry = LockFile.Load(_ws.PathOf("pipeline.lock"), "pipeline.lock")["Env"]!;

        Assert.Equal("avx2", entry.Environment["KERNELS"]);
        Assert.Equal(MachineDescription.Cpu, entry.Machine);
    }

    [Fact]
    public void Given_a_result_restored_from_the_run_cache_then_the_lock_names_the_machine_that_made_it()
    {
        _ws.Run(new EnvBuild("avx2"), "Env");
        _ws.Run(new EnvBuild("default"), "Env");
        var lockPath = _ws.PathOf("pipeline.lock");
        var cacheEntry = LockFile.Load(lockPath, "pipeline.lock")["Env"]!.Fingerprint;
        var firstFingerprint = Directory.GetDirectories(_ws.PathOf(".pipeline/cache")).Select(Path.GetFileName).Single(f => f != cacheEntry)!;
        File.WriteAllText(_ws.PathOf($".pipeline/cache/{firstFingerprint}/machine.txt"), "AMD EPYC 7B13, AVX2\n");

        var (exit, output) = _ws.Run(new EnvBuild("avx2"), "Env");

        Assert.True(exit == 0, output);
        Assert.Contains("restored", output);
        Assert.Equal("AMD EPYC 7B13, AVX2", LockFile.Load(lockPath, "pipeline.lock")["Env"]!.Machine);
    }
}
