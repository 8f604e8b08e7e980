using System.Diagnostics;

namespace Pipeline.Engine.Tests.Support;

/// <summary>The real Slurm cluster the Slurm tests run on (CI starts a one-node one with .ci/slurm-cluster.sh and
/// exports SLURM_CONF). Where none answers, the tests that need it are skipped with the reason.</summary>
public static class SlurmCluster
{
    private static readonly Lazy<string?> Problem = new(() =>
    {
        if (SlurmOnPath("sinfo") is null) return "Slurm is not installed (no sinfo on PATH); .ci/run installs it and starts a one-node cluster";
        var (exit, output) = Faults.Shell("timeout", "20", "sinfo", "--noheader", "--format=%t");
        var states = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (exit != 0) return $"no Slurm controller answers (sinfo: {output.Trim()}); start one with .ci/slurm-cluster.sh start DIR and export SLURM_CONF";
        return states.Any(s => s is "idle" or "mix" or "alloc") ? null : $"the Slurm cluster has no usable node (sinfo: {string.Join(", ", states)})";
    });

    /// <summary>Skips the calling test with the reason when no cluster answers.</summary>
    public static void Require()
    {
        Skip.If(Problem.Value is not null, Problem.Value);
    }

    public static string? SlurmOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, command)).FirstOrDefault(File.Exists);

    /// <summary>squeue's state of a job (all states, until MinJobAge), or "" when it is not listed.</summary>
    public static string StateOf(string jobId) =>
        Faults.Shell("squeue", "--noheader", "--states=all", "--jobs=" + jobId, "--format=%T").Output.Trim().Split('\n')[0].Trim() is var s && !s.Contains("error") ? s : "";

    /// <summary>Job ids of the workspace's running jobs, from the engine's list of submitted jobs.</summary>
    public static List<string> JobsOf(TempWorkspace ws) =>
        ws.Exists(".pipeline/slurm-jobs.tsv") ? File.ReadAllLines(ws.PathOf(".pipeline/slurm-jobs.tsv")).Select(l => l.Split('\t')[0]).ToList() : [];

    public static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition()) { if (clock.Elapsed > timeout) return false; Thread.Sleep(100); }
        return true;
    }
}
