using Pipeline.Errors;
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

/// <summary>
/// Runs a stage body with the contract's exit codes: 0 ok; 2 bad input or usage (an <see cref="InputException"/>, from
/// the stage kit or the domain library: its message only); 1 anything else, a bug (with the stack trace).
/// </summary>
public static class StageHost
{
    public const int Ok = 0, Failed = 1, BadInput = 2;

    /// <param name="errors">where errors go (standard error by default).</param>
    public static int Run(string[] args, Func<StageContext, int> body, IAnsiConsole? console = null, TextWriter? errors = null)
    {
        console ??= AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        errors ??= Console.Error;
        try
        {
            var stageArgs = StageArgs.Parse(args);
            var parameters = StageParams.Load(stageArgs.ParamsFile);
            Directory.CreateDirectory(stageArgs.OutputDir);
            return body(new StageContext(stageArgs, parameters, console));
        }
        catch (InputException e)
        {
            errors.WriteLine("error: " + e.Message);
            return BadInput;
        }
        catch (Exception e)
        {
            errors.WriteLine("stage failed with an unexpected error (a bug; please report it with this trace):");
            errors.WriteLine(e);
            return Failed;
        }
    }
}
