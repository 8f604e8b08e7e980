using Pipeline.Errors;
using Spectre.Console;

namespace Pipeline.StageKit;

/// <summary>
/// Runs a stage with the contract's exit codes: 0 ok; 2 bad input or usage (an <see cref="InputException"/>, from the
/// stage kit or the domain library: its message only); 1 anything else, a bug (with the stack trace). A stage first
/// binds its params into its settings (<c>bind</c>), then runs on them (<c>run</c>); with <c>--bind-only</c> it stops
/// after binding and writes the keys it bound to <see cref="BoundKeysFile"/> in its output folder (for tests).
/// </summary>
public static class StageHost
{
    public const int Ok = 0, Failed = 1, BadInput = 2;
    public const string BoundKeysFile = "bound-params.txt";

    /// <param name="errors">where errors go (standard error by default).</param>
    public static int Run<TSettings>(string[] args, Func<StageParams, TSettings> bind, Func<StageContext, TSettings, int> run,
        IAnsiConsole? console = null, TextWriter? errors = null)
    {
        console ??= AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        errors ??= Console.Error;
        try
        {
            var stageArgs = StageArgs.Parse(args);
            var parameters = StageParams.Load(stageArgs.ParamsFile);
            var settings = Bind(bind, parameters);
            Directory.CreateDirectory(stageArgs.OutputDir);
            if (stageArgs.BindOnly)
            {
                File.WriteAllLines(Path.Combine(stageArgs.OutputDir, BoundKeysFile), parameters.Bound);
                return Ok;
            }
            return run(StageContext.FromEnvironment(stageArgs, console), settings);
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

    /// <summary>A stage that reads no params.</summary>
    public static int Run(string[] args, Func<StageContext, int> run, IAnsiConsole? console = null, TextWriter? errors = null) =>
        Run(args, _ => 0, (context, _) => run(context), console, errors);

    /// <summary>Settings that break a rule the schema cannot express (e.g. list lengths) name the params file too.</summary>
    private static TSettings Bind<TSettings>(Func<StageParams, TSettings> bind, StageParams parameters)
    {
        try { return bind(parameters); }
        catch (InputException e) { throw new InputException(e.Problems.Select(p => $"{parameters.File}: {p}")); }
    }
}
