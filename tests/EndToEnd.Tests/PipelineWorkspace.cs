using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests;

/// <summary>
/// A temp copy of the repository's sources (no build outputs, no run state) where the real build.sh runs the
/// real stages. Shared by the end-to-end tests so the stage apps are built once.
/// </summary>
public sealed partial class PipelineWorkspace : IDisposable
{
    private static readonly string[] Copied = ["build", "src", "stages", "eng", ".nuke", "Directory.Build.props",
        "Directory.Build.targets", "Directory.Packages.props", "global.json", "build.sh", "build.ps1"];

    public PipelineWorkspace()
    {
        RepoRoot = FindRepoRoot();
        Root = Path.Combine(Path.GetTempPath(), "mritransfer-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var item in Copied) Copy(Path.Combine(RepoRoot, item), Path.Combine(Root, item));
    }

    public string RepoRoot { get; }
    public string Root { get; }

    public void UseProfile(string name) =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "profiles", name), Path.Combine(Root, "params.yaml"), overwrite: true);

    public void EditParams(string from, string to)
    {
        var path = Path.Combine(Root, "params.yaml");
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    /// <summary>Runs a program in the workspace; returns its exit code and combined output.</summary>
    public (int Exit, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20))) { process.Kill(entireProcessTree: true); throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 20 minutes"); }
        return (process.ExitCode, stdout + stderr.Result);
    }

    public (int Exit, string Output) Build(params string[] args) => Run("bash", ["build.sh", "--plain", .. args]);

    /// <summary>The stages the summary table of a run lists as run (status "done").</summary>
    public static IReadOnlyList<string> StagesRun(string output) =>
        SummaryRow().Matches(output).Where(m => m.Groups[2].Value == "done").Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"^  (\S+)\s+(done|failed|skipped|restored|up to date)\s", RegexOptions.Multiline)]
    private static partial Regex SummaryRow();

    /// <summary>pwsh from PATH, else the PowerShell dotnet tool under &lt;repo&gt;/.build/tools (installed there when missing).</summary>
    public string PowerShell()
    {
        if (FindOnPath("pwsh") is { } onPath) return onPath;
        var tools = Path.Combine(RepoRoot, ".build", "tools");
        var pwsh = Path.Combine(tools, "pwsh");
        if (File.Exists(pwsh)) return pwsh;
        var install = Run("dotnet", "tool", "install", "--tool-path", tools, "PowerShell", "--version", "7.6.9");
        Assert.True(install.Exit == 0 && File.Exists(pwsh), "installing the PowerShell dotnet tool failed: " + install.Output);
        return pwsh;
    }

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }

    private static void Copy(string source, string target)
    {
        if (File.Exists(source)) { File.Copy(source, target, overwrite: true); return; }
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            if (entry.Name is "bin" or "obj") continue;
            Copy(entry.FullName, Path.Combine(target, entry.Name));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
