namespace Pipeline.Engine.Execution.Slurm;

/// <summary>What --executor slurm checks before anything is submitted: the client commands are on PATH and the
/// controller answers (else exit 2, nothing submitted); a warning when the workspace looks node-local on a cluster
/// of several nodes.</summary>
internal static class SlurmPreflight
{
    private static readonly string[] Commands = ["sbatch", "squeue", "scancel", "sinfo"];

    /// <summary>Throws <see cref="UsageException"/> when Slurm cannot be used; returns the warnings.</summary>
    public static IReadOnlyList<string> Check(string workspaceRoot)
    {
        var missing = Commands.Where(c => SlurmCommands.Find(c) is null).ToList();
        if (missing.Count > 0)
            throw new UsageException($"--executor slurm: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not on PATH; install the Slurm client commands (e.g. Debian's slurm-client) or run without --executor slurm");
        var sinfo = SlurmCommands.Run("sinfo", ["--noheader", "--Node", "--format=%N"], TimeSpan.FromSeconds(20));
        if (sinfo.Exit != 0)
            throw new UsageException($"--executor slurm: the Slurm controller does not answer (sinfo: {sinfo.Message}); check that slurmctld runs and SLURM_CONF points at its slurm.conf");
        var nodes = sinfo.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Count();
        return SharedPathWarning(workspaceRoot, nodes) is { } warning ? [warning] : [];
    }

    /// <summary>A warning when a cluster of several nodes is asked to run jobs in a workspace under a node-local folder.</summary>
    public static string? SharedPathWarning(string workspaceRoot, int nodes)
    {
        string[] local = ["/tmp", "/var/tmp", "/dev/shm", "/run"];
        var full = Path.GetFullPath(workspaceRoot);
        var under = local.FirstOrDefault(l => full == l || full.StartsWith(l + "/", StringComparison.Ordinal));
        return nodes > 1 && under is not null
            ? $"the workspace {full} is under {under}, which is usually local to each node, and the cluster has {nodes} nodes: jobs on other nodes will not find it; use a workspace on the cluster's shared file system"
            : null;
    }
}
