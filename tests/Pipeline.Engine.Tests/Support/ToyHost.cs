using System.Diagnostics;

namespace Pipeline.Engine.Tests.Support;

/// <summary>
/// The test assembly's entry point: <c>dotnet Pipeline.Engine.Tests.dll &lt;build class&gt; [engine args]</c> runs a toy
/// build (e.g. <see cref="ToyBuild"/>) as a real engine process in the current folder, so tests can send it signals or
/// kill it, as a user would the build.
/// </summary>
public static class ToyHost
{
    public static int Main(string[] args)
    {
        var type = typeof(ToyHost).Assembly.GetType($"{typeof(ToyHost).Namespace}.{args[0]}")
            ?? throw new ArgumentException($"no toy build named {args[0]}");
        return Engine.Run(Activator.CreateInstance(type, nonPublic: true)!, args[1..], new EngineOptions { Interactive = false });
    }

    /// <summary>Starts the engine with a toy build in a workspace; stdout and stderr are redirected.</summary>
    public static Process Start(TempWorkspace ws, string build, params string[] args) => Start(ws, build, new Dictionary<string, string>(), args);

    /// <summary>Starts the engine with environment variables set (or removed, with a null value).</summary>
    public static Process Start(TempWorkspace ws, string build, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetPath)
        {
            WorkingDirectory = ws.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in new[] { typeof(ToyHost).Assembly.Location, build }.Concat(args)) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment)
            if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>Runs the engine as a process to its end; returns exit code and output.</summary>
    public static (int Exit, string Output) Run(TempWorkspace ws, string build, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var engine = Start(ws, build, environment, args);
        var stderr = engine.StandardError.ReadToEndAsync();
        var stdout = engine.StandardOutput.ReadToEnd();
        engine.WaitForExit();
        return (engine.ExitCode, stdout + stderr.Result);
    }

    /// <summary>The dotnet running the tests (so a test may empty PATH and still start the engine).</summary>
    public static string DotnetPath => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    /// <summary>Waits until a file exists in the workspace (a stage says it has started); false after the timeout.</summary>
    public static bool WaitFor(TempWorkspace ws, string relative, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (ws.Exists(relative) && new FileInfo(ws.PathOf(relative)).Length > 0) return true;
            Thread.Sleep(50);
        }
        return false;
    }
}
