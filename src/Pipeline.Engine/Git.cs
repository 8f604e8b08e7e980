using System.Diagnostics;

namespace Pipeline.Engine;

/// <summary>The few git questions the engine asks (ParamsDiff, MetricsDiff, experiments), run in the workspace root.
/// A machine without git answers exit code 127; a folder outside a repository answers git's own error.</summary>
internal static class Git
{
    public const int Missing = 127;

    public static (int Exit, string Output) Run(string root, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, process.ExitCode == 0 ? output : stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e) { return (Missing, e.Message); }
    }

    /// <summary>A file as committed at a revision (path relative to the workspace root), or null when it is not there.</summary>
    public static string? Show(string root, string revision, string relative) =>
        Run(root, "show", $"{revision}:./{relative}") is (0, var text) ? text : null;

    /// <summary>The commit HEAD names, or null without git, outside a repository or before the first commit.</summary>
    public static string? Head(string root) =>
        Run(root, "rev-parse", "--verify", "-q", "HEAD") is (0, var text) ? text.Trim() : null;
}
