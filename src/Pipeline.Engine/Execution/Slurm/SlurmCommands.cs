using System.Diagnostics;

namespace Pipeline.Engine.Execution.Slurm;

/// <summary>The Slurm client commands the executor uses (sbatch, squeue, scancel, sinfo), each run with a time limit
/// so an unreachable controller is an error, not a hang.</summary>
internal static class SlurmCommands
{
    public sealed record Result(int Exit, string Stdout, string Stderr)
    {
        public string Message => (Stderr.Trim().Length > 0 ? Stderr : Stdout).Trim();
    }

    /// <summary>The full path of a command on PATH, or null.</summary>
    public static string? Find(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command)).FirstOrDefault(File.Exists);

    public static Result Run(string command, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e) { return new Result(127, "", $"{command}: {e.Message}"); }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                return new Result(124, "", $"{command} did not answer within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s");
            }
            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
