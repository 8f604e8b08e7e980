using Spectre.Console;

namespace Pipeline.StageKit;

/// <summary>What a stage body gets: its arguments, its params, and a way to report progress.</summary>
public sealed class StageContext(StageArgs args, StageParams parameters, IAnsiConsole console)
{
    public StageArgs Args { get; } = args;
    public StageParams Params { get; } = parameters;
    public IAnsiConsole Console { get; } = console;
    public string OutputDir => Args.OutputDir;

    /// <summary>Sets the stage's live progress line in the engine's view (one line, no markup).</summary>
    public void Progress(string line) => Console.WriteLine("::progress " + line.ReplaceLineEndings(" "));

    public void Log(string line) => Console.WriteLine(line);
}

/// <summary>Runs a stage body with the contract's exit codes: 0 ok, 1 bug (stack trace), 2 bad input (message).</summary>
public static class StageHost
{
    public const int Ok = 0, Failed = 1, BadInput = 2;

    public static int Run(string[] args, Func<StageContext, int> body, IAnsiConsole? console = null)
    {
        console ??= AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        try
        {
            var stageArgs = StageArgs.Parse(args);
            var parameters = StageParams.Load(stageArgs.ParamsFile);
            Directory.CreateDirectory(stageArgs.OutputDir);
            return body(new StageContext(stageArgs, parameters, console));
        }
        catch (StageInputException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return BadInput;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("stage failed with an unexpected error (a bug; please report it with this trace):");
            Console.Error.WriteLine(e);
            return Failed;
        }
    }
}
