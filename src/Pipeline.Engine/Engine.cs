using Pipeline.Engine.Cli;
using Spectre.Console;

namespace Pipeline.Engine;

/// <summary>Where and how the engine runs; tests point Root at a temp workspace and pass a test console.</summary>
public sealed class EngineOptions
{
    public string Root { get; init; } = Directory.GetCurrentDirectory();
    public IAnsiConsole? Console { get; init; }
    /// <summary>Live view (true) or plain lines (false); by default live only when stdout is an interactive terminal.</summary>
    public bool? Interactive { get; init; }
    /// <summary>How long a stage waits for a live process of an earlier run in its resume folder before refusing.</summary>
    internal TimeSpan ResumeWait { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>The build's entry point: <c>public static int Main(string[] args) => Engine.Run&lt;Build&gt;(args);</c></summary>
public static class Engine
{
    public const int Ok = 0, StageFailed = 1, BadUsage = 2, Interrupted = 130;

    public static int Run<TBuild>(string[] args) where TBuild : new() => Run(new TBuild(), args, new EngineOptions());

    public static int Run(object build, string[] args, EngineOptions options)
    {
        var console = options.Console ?? AnsiConsole.Console;
        if (options.Console is null && System.Console.IsOutputRedirected) console.Profile.Width = 240; // no wrapping in logs
        try
        {
            var cli = CliArguments.Parse(args);
            PhaseTimer.Mark("arguments");
            return new Session(build, cli, options, console).Execute();
        }
        catch (UsageException e)
        {
            foreach (var problem in e.Problems) console.MarkupLine("[red]error:[/] " + Markup.Escape(problem));
            return BadUsage;
        }
        catch (Exception e) when (FileSystemFault.Is(e))
        {
            console.MarkupLine("[red]error:[/] " + Markup.Escape($"{e.Message}; check the permissions and free space of the workspace"));
            return BadUsage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var bug = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
            if (bug is UsageException usage) { foreach (var p in usage.Problems) console.MarkupLine("[red]error:[/] " + Markup.Escape(p)); return BadUsage; }
            console.WriteLine("the pipeline engine failed with an unexpected error (a bug; please report it with this trace):");
            console.WriteLine(bug.ToString());
            return StageFailed;
        }
    }
}
