using System.Diagnostics;

namespace Pipeline.Engine.Tests.Support;

/// <summary>Real environment faults for tests: a read-only or tiny file system mounted in a private mount namespace
/// (unshare -m, needs root), and immutable files (chattr +i, needs root on ext4). Where the machine cannot make the
/// fault, the test is skipped with the reason.</summary>
public static class Faults
{
    private static readonly Lazy<string?> NamespaceProblem = new(() =>
        Shell("unshare", "-m", "true") is var (exit, output) && exit == 0 ? null : $"cannot create a mount namespace (unshare -m: {output.Trim()}); run as root");

    /// <summary>Runs the toy engine in a private mount namespace after <paramref name="mounts"/> (shell commands run in
    /// the workspace root), so the fault exists only for that process.</summary>
    public static (int Exit, string Output) RunWithMounts(TempWorkspace ws, string mounts, params string[] args)
    {
        Skip.If(NamespaceProblem.Value is not null, NamespaceProblem.Value);
        var host = $"exec dotnet '{typeof(ToyHost).Assembly.Location}' {nameof(ToyBuild)} " + string.Join(' ', args.Select(a => $"'{a}'"));
        return Shell("unshare", "-m", "bash", "-c", $"set -e; cd '{ws.Root}'; {mounts}; {host}");
    }

    /// <summary>Makes a file or folder immutable (even root cannot rename or replace it) until disposed.</summary>
    public static IDisposable Immutable(string path)
    {
        var (exit, output) = Shell("chattr", "+i", path);
        Skip.If(exit != 0, $"chattr +i is not possible here ({output.Trim()})");
        return new Undo(() => Shell("chattr", "-i", path));
    }

    public static (int Exit, string Output) Shell(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e) { return (127, e.Message); }
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
