using System.Globalization;

namespace Pipeline.Engine.Execution;

/// <summary>
/// The environment a stage process starts with, on top of the caller's (the same for every runner, local or Slurm):
/// its core share as <c>OMP_NUM_THREADS</c> and <c>MKL_NUM_THREADS</c> — the instance's <c>.Threads</c> params value,
/// else 1, whatever --jobs is, so a result never depends on how many cores the run had — then the variables the stage
/// declares with <c>.Environment</c> (a declared OMP_NUM_THREADS wins), then the engine's own PIPELINE_* variables (PIPELINE_PROVENANCE for a stage declared with .Provenance()).
/// </summary>
internal static class StageEnvironment
{
    public static Dictionary<string, string> For(StageState state, string resumeDir, int threads, string? provenance = null)
    {
        var share = Math.Max(1, threads).ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OMP_NUM_THREADS"] = share,
            ["MKL_NUM_THREADS"] = share,
        };
        foreach (var (name, value) in state.Environment) environment[name] = value;
        environment["PIPELINE_FINGERPRINT"] = state.Fingerprint;
        environment["PIPELINE_RESUME_DIR"] = resumeDir;
        environment["PIPELINE_CPU"] = MachineDescription.Cpu;
        if (provenance is not null) environment[ProvenanceFile.Variable] = provenance;
        return environment;
    }

    /// <summary>The cores an instance keeps busy: its <see cref="StageDefinition.Threads"/> params value, else 1.</summary>
    public static int Threads(StageInstance instance, IReadOnlyDictionary<string, ParamValue> parameters) =>
        instance.Stage.ThreadsKey is { } key && parameters.TryGetValue(key, out var value) && value.Type == ParamType.Int
            ? (int)Math.Clamp((long)value.Value, 1, int.MaxValue)
            : 1;
}
