using System.Text;

namespace Pipeline.Engine.Execution.Slurm;

/// <summary>
/// The batch script of one stage instance: it runs the same command as the local runner, in the workspace (which must
/// be on a file system the nodes share), with the same environment variables, then writes the stage's exit code to
/// <c>exit</c> in its job folder (beside the staging folder) — with a rename, so the engine never reads half a file. It
/// also leaves the node's name and CPU description there, for the summary and pipeline.lock.
/// </summary>
internal static class JobScript
{
    public const string ExitFile = "exit", NodeFile = "node", CpuFile = "cpuinfo";

    public static string For(StageLaunch launch, string workspaceRoot, string jobDir)
    {
        string In(string file) => Quote(Path.Combine(jobDir, file));
        var text = new StringBuilder();
        text.Append("#!/bin/bash\n");
        text.Append("# written by the pipeline engine: stage ").Append(launch.Id).Append(" as a Slurm job\n");
        text.Append("finish() { echo \"$1\" > ").Append(In("exit.tmp")).Append(" && mv ").Append(In("exit.tmp")).Append(' ').Append(In(ExitFile)).Append("; exit \"$1\"; }\n");
        text.Append("hostname > ").Append(In(NodeFile)).Append('\n');
        text.Append("cat /proc/cpuinfo > ").Append(In(CpuFile)).Append(" 2>/dev/null\n");
        text.Append("cd ").Append(Quote(workspaceRoot)).Append(" || { echo \"cannot enter the workspace ").Append(workspaceRoot.Replace("\"", "'"))
            .Append(" on $(hostname): it must be on a file system every node shares\" >&2; finish 2; }\n");
        text.Append("export PIPELINE_STAGE=").Append(Quote(launch.Id)).Append('\n');
        foreach (var (name, value) in launch.Environment.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append("export ").Append(name).Append('=').Append(Quote(value)).Append('\n');
        text.Append(Quote(launch.Program));
        foreach (var arg in launch.Args) text.Append(' ').Append(Quote(arg));
        text.Append(" < /dev/null\n");
        text.Append("finish $?\n");
        return text.ToString();
    }

    /// <summary>A bash single-quoted word.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
