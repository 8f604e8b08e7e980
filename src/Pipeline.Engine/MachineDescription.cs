using System.Runtime.InteropServices;

namespace Pipeline.Engine;

/// <summary>
/// The CPU a stage ran on, as recorded in pipeline.lock: the model name and the widest x86-64 vector extension it
/// has (libraries pick their kernels by it, so results can differ between machines), e.g.
/// "Intel(R) Xeon(R) Processor, AVX-512".
/// </summary>
public static class MachineDescription
{
    private static readonly Lazy<string?> CpuInfo = new(ReadCpuInfo);

    /// <summary>This machine's CPU, e.g. "Intel(R) Xeon(R) Processor, AVX-512".</summary>
    public static string Cpu => Describe(CpuInfo.Value);

    /// <summary>Whether this CPU has AVX2 (true where /proc/cpuinfo cannot be read: the pinned kernels then fail loudly).</summary>
    public static bool HasAvx2 => CpuInfo.Value is not { Length: > 0 } info || Flags(info).Contains("avx2");

    /// <summary>Parses /proc/cpuinfo text (the first processor's "model name" and "flags").</summary>
    public static string Describe(string? cpuInfo)
    {
        if (string.IsNullOrEmpty(cpuInfo)) return RuntimeInformation.ProcessArchitecture.ToString();
        var model = Field(cpuInfo, "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var flags = Flags(cpuInfo);
        var isa = flags.Contains("avx512f") ? "AVX-512" : flags.Contains("avx2") ? "AVX2" : flags.Contains("avx") ? "AVX" : flags.Count > 0 ? "SSE" : null;
        return isa is null ? model : $"{model}, {isa}";
    }

    private static HashSet<string> Flags(string cpuInfo) =>
        (Field(cpuInfo, "flags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static string? Field(string cpuInfo, string name) => cpuInfo.Split('\n')
        .Where(l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(':'))
        .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();

    private static string? ReadCpuInfo()
    {
        try { return File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo") : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
