using Spectre.Console;

namespace Pipeline.StageKit;

/// <summary>What a stage body gets besides its settings: its inputs, its output folder, and a way to report.</summary>
public sealed class StageContext(StageArgs args, IAnsiConsole console)
{
    public StageArgs Args { get; } = args;
    public IAnsiConsole Console { get; } = console;
    public string OutputDir => Args.OutputDir;

    /// <summary>The path given for a declared input (a usage error naming it when it was not given).</summary>
    public string Input(string name) => Args.Input(name);

    /// <summary>The path of an optional input, or null when it was not given.</summary>
    public string? OptionalInput(string name) => Args.HasInput(name) ? Args.Input(name) : null;

    /// <summary>Sets the stage's live progress line in the engine's view (one line, no markup).</summary>
    public void Progress(string line) => Console.WriteLine("::progress " + line.ReplaceLineEndings(" "));

    /// <summary>A line of the stage's log (.pipeline/logs/&lt;Stage&gt;.log).</summary>
    public void Log(string line) => Console.WriteLine(line);
}
