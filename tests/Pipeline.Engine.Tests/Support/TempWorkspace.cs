using Spectre.Console.Testing;

namespace Pipeline.Engine.Tests.Support;

/// <summary>A throw-away workspace folder with helpers to write files and run the engine in it.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "pipeline-engine-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public TempWorkspace Write(string relative, string text)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public bool Exists(string relative) => File.Exists(PathOf(relative)) || Directory.Exists(PathOf(relative));

    /// <summary>Runs the engine in-process (stages are real bash processes); returns exit code and console text.</summary>
    public (int Exit, string Output) Run(object build, params string[] args) => Run(build, new EngineOptions(), args);

    /// <summary>Runs the engine in-process with options (Root, Console and Interactive are set here).</summary>
    public (int Exit, string Output) Run(object build, EngineOptions options, params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var exit = Engine.Run(build, args, new EngineOptions { Root = Root, Console = console, Interactive = false, ResumeWait = options.ResumeWait });
        return (exit, console.Output);
    }

    /// <summary>Stage names (instance ids) appended to runs.log by the toy stages since the last call.</summary>
    public List<string> TakeRuns()
    {
        var file = PathOf("runs.log");
        if (!File.Exists(file)) return [];
        var runs = File.ReadAllLines(file).Where(l => l.Length > 0).Order(StringComparer.Ordinal).ToList();
        File.Delete(file);
        return runs;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
