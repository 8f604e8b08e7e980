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
    public static Process Start(TempWorkspace ws, string build, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ws.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in new[] { typeof(ToyHost).Assembly.Location, build }.Concat(args)) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

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
