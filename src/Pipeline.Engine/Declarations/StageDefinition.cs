namespace Pipeline.Engine;

/// <summary>The fluent builder a <see cref="Stage"/> property fills in. Every path is relative to the workspace root.</summary>
public sealed class StageDefinition
{
    internal StageDefinition(string name) => Name = name;

    public string Name { get; }
    internal string DescriptionText { get; private set; } = "";
    internal string? ProjectPath { get; private set; }
    internal string? Program { get; private set; }
    internal List<string> ProgramArgs { get; } = [];
    internal List<string> CodePaths { get; } = [];
    internal List<InputDeclaration> Inputs { get; } = [];
    internal List<string> ParamKeys { get; } = [];
    internal List<MatrixAxis> Axes { get; } = [];
    internal List<string> OutputPaths { get; } = [];
    internal List<string> MetricsPaths { get; } = [];
    internal List<string> PlotPaths { get; } = [];
    internal string? ThreadsKey { get; private set; }
    internal SortedDictionary<string, string> EnvironmentVariables { get; } = new(StringComparer.Ordinal);
    internal bool WantsProvenance { get; private set; }

    /// <summary>One line shown by --help, --plan and Status.</summary>
    public StageDefinition Description(string text) { DescriptionText = text; return this; }

    /// <summary>A .NET console app (folder holding one .csproj, or the .csproj path), built in Release on demand
    /// and run as <c>dotnet &lt;dll&gt;</c>. Its code = its sources, referenced projects' sources, package versions.</summary>
    public StageDefinition Project(string path) { ProjectPath = Normalize(path); return this; }

    /// <summary>An arbitrary program run from the workspace root; pair it with <see cref="Code"/> to hash its code.</summary>
    public StageDefinition Command(string program, params string[] args)
    {
        Program = program;
        ProgramArgs.AddRange(args);
        return this;
    }

    /// <summary>Files or folders whose content is this stage's code (C# files hash without comments/whitespace).</summary>
    public StageDefinition Code(params string[] paths) { CodePaths.AddRange(paths.Select(Normalize)); return this; }

    /// <summary>Depends on an upstream stage's published output folder (or a sub path of it), passed as --input name=path.
    /// When the upstream is a matrix stage, a matrix stage that has each of its axes (and maybe more) gets the instance
    /// with its own values on those axes — a (pretrain seed × fraction × seed) cell the encoder of its pretrain seed —
    /// and any other stage gets every instance as --input name/&lt;instance&gt;=path.</summary>
    public StageDefinition Input(string name, Stage upstream, string? subPath = null)
    {
        Inputs.Add(new InputDeclaration(name, upstream, null, subPath is null ? null : Normalize(subPath)));
        return this;
    }

    /// <summary>Depends on a file or folder of the workspace (hashed by content), passed as --input name=path.</summary>
    public StageDefinition Input(string name, string path)
    {
        Inputs.Add(new InputDeclaration(name, null, Normalize(path), null));
        return this;
    }

    /// <summary>Params keys this stage reads (dotted paths; a key naming a mapping includes its whole subtree).</summary>
    public StageDefinition Params(params string[] keys) { ParamKeys.AddRange(keys); return this; }

    /// <summary>The params key (an integer, also among <see cref="Params"/>) saying how many cores the stage keeps busy,
    /// e.g. its torch threads. It takes that many of the --jobs cores, so parallel stages never oversubscribe the
    /// machine. Undeclared: one core.</summary>
    public StageDefinition Threads(string paramKey) { ThreadsKey = paramKey; return this; }

    /// <summary>An environment variable the stage process starts with (overriding the caller's). Its name and value are
    /// part of the fingerprint and recorded in pipeline.lock, e.g. variables that pin a library's CPU kernels.</summary>
    public StageDefinition Environment(string name, string value)
    {
        if (name.Length == 0 || name.Contains('=')) throw new ArgumentException($"environment variable name '{name}' is not valid", nameof(name));
        EnvironmentVariables[name] = value;
        return this;
    }

    /// <summary>The stage is handed the run's provenance (git revision, dirty or clean, pipeline.lock's checksum, the
    /// params diff against HEAD, each other stage's result and time) as a JSON file named by PIPELINE_PROVENANCE, e.g. for
    /// a report. Not part of the fingerprint: it describes the run that made the outputs, not what they are made from.</summary>
    public StageDefinition Provenance() { WantsProvenance = true; return this; }

    /// <summary>Several environment variables at once (see <see cref="Environment(string, string)"/>).</summary>
    public StageDefinition Environment(IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (name, value) in variables) Environment(name, value);
        return this;
    }

    /// <summary>Expands the stage into one cached instance per value of the params list <paramref name="over"/>;
    /// each instance gets the value as params key <paramref name="sets"/>. Several axes make a cross product. Without
    /// <paramref name="sets"/> the axis only picks which instance of a matrix input (one with this axis) the instance
    /// reads: a stage that does not read the key its upstream sets, e.g. an export of each pretraining seed's model.</summary>
    public StageDefinition Matrix(string axis, string over, string? sets = null)
    {
        Axes.Add(new MatrixAxis(axis, over, sets));
        return this;
    }

    /// <summary>Files or folders (relative to the stage's output folder) that must exist after exit 0.</summary>
    public StageDefinition Outputs(params string[] paths) { OutputPaths.AddRange(paths.Select(Normalize)); return this; }

    /// <summary>Metrics files (outputs too) copied to metrics/&lt;Stage&gt;/ after each run, compared by MetricsDiff.</summary>
    public StageDefinition Metrics(params string[] paths) { MetricsPaths.AddRange(paths.Select(Normalize)); return this; }

    /// <summary>Plot files (outputs too), listed for reports.</summary>
    public StageDefinition Plots(params string[] paths) { PlotPaths.AddRange(paths.Select(Normalize)); return this; }

    internal static string Normalize(string path) => path.Replace('\\', '/').TrimEnd('/');
}

internal sealed record InputDeclaration(string Name, Stage? Upstream, string? Path, string? SubPath);

internal sealed record MatrixAxis(string Name, string Over, string? Sets);
