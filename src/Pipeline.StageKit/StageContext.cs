using Spectre.Console;

namespace Pipeline.StageKit;

/// <summary>
/// What a stage body gets besides its settings: its inputs, its output folder, what the engine tells it through the
/// environment (resume folder, fingerprint), and a way to report. The stage side of the contract lives here, so the
/// domain library never names an engine variable or convention.
/// </summary>
public sealed class StageContext(StageArgs args, IAnsiConsole console, string? resumeDir = null, string? fingerprint = null, string? cpu = null,
    string? provenanceFile = null)
{
    /// <summary>The environment variables the engine sets for a stage (docs/stage-contract.md).</summary>
    public const string ResumeDirVariable = "PIPELINE_RESUME_DIR", FingerprintVariable = "PIPELINE_FINGERPRINT", CpuVariable = "PIPELINE_CPU",
        ProvenanceVariable = "PIPELINE_PROVENANCE";

    public StageArgs Args { get; } = args;
    public IAnsiConsole Console { get; } = console;
    public string OutputDir => Args.OutputDir;

    /// <summary>A folder kept across runs of exactly this stage instance (same code, data and params) for resumable state, or null.</summary>
    public string? ResumeDir { get; } = resumeDir;

    /// <summary>This stage instance's fingerprint in pipeline.lock, or null when run outside the engine.</summary>
    public string? Fingerprint { get; } = fingerprint;

    /// <summary>The CPU the engine runs on, as pipeline.lock names it (e.g. "Intel(R) Xeon(R) Processor, AVX-512"), or null.</summary>
    public string? Cpu { get; } = cpu;

    /// <summary>The run's provenance file (JSON: git revision, dirty or clean, pipeline.lock's SHA-256, params diff against
    /// HEAD, each stage's result and time) for a stage declared with .Provenance(), or null.</summary>
    public string? ProvenanceFile { get; } = provenanceFile;

    /// <summary>The context of a stage the engine runs: resume folder, fingerprint, CPU and provenance from its environment.</summary>
    public static StageContext FromEnvironment(StageArgs args, IAnsiConsole console) =>
        new(args, console, Variable(ResumeDirVariable), Variable(FingerprintVariable), Variable(CpuVariable), Variable(ProvenanceVariable));

    /// <summary>The path given for a declared input (a usage error naming it when it was not given).</summary>
    public string Input(string name) => Args.Input(name);

    /// <summary>The path of an optional input, or null when it was not given.</summary>
    public string? OptionalInput(string name) => Args.HasInput(name) ? Args.Input(name) : null;

    /// <inheritdoc cref="StageArgs.InputsWithPrefix"/>
    public IReadOnlyDictionary<string, string> InputsWithPrefix(string prefix) => Args.InputsWithPrefix(prefix);

    /// <inheritdoc cref="StageArgs.InstancesWithPrefix"/>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> InstancesWithPrefix(string prefix) => Args.InstancesWithPrefix(prefix);

    /// <summary>Sets the stage's live progress line in the engine's view (one line, no markup).</summary>
    public void Progress(string line) => Console.WriteLine("::progress " + line.ReplaceLineEndings(" "));

    /// <summary>A line of the stage's log (.pipeline/logs/&lt;Stage&gt;.log).</summary>
    public void Log(string line) => Console.WriteLine(line);

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
