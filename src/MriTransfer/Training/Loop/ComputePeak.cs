using System.Globalization;
using System.Text.RegularExpressions;

namespace MriTransfer.Training.Loop;

/// <summary>
/// This CPU's fp32 peak for the threads a stage uses: cores × frequency × FMA units × vector lanes × 2 (an FMA is a
/// multiply and an add). Cores = min(torch threads, logical CPUs); frequency = the "@ x GHz" of the model name, else the
/// first "cpu MHz"; lanes = 16 with avx512f, 8 with avx2, 4 otherwise, and at most 8 when the kernels are pinned to AVX2
/// (ATEN_CPU_CAPABILITY=avx2 / ONEDNN_MAX_CPU_ISA=AVX2, runtime.reproducible_kernels); FMA units = 2 when the flags
/// have fma (the flags cannot tell one unit from two: a part with one halves the peak), 1 otherwise.
/// </summary>
public sealed record ComputePeak(int Cores, double Ghz, int FmaUnits, int Lanes, string Isa, bool Pinned)
{
    public double Gflops => Cores * Ghz * FmaUnits * Lanes * 2;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Gflops:F0} GFLOP/s ({Cores} cores × {Ghz:F2} GHz × {FmaUnits} FMA × {Lanes} lanes {Isa}{(Pinned ? " pinned" : "")} × 2)");

    public static ComputePeak OfThisMachine(int threads, IReadOnlyDictionary<string, string?>? environment = null)
    {
        string? Env(string name) => environment is null ? Environment.GetEnvironmentVariable(name) : environment.GetValueOrDefault(name);
        var cpuinfo = File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo") : "";
        var pinned = string.Equals(Env("ATEN_CPU_CAPABILITY"), "avx2", StringComparison.OrdinalIgnoreCase)
                     || string.Equals(Env("ONEDNN_MAX_CPU_ISA"), "AVX2", StringComparison.OrdinalIgnoreCase);
        return Parse(cpuinfo, Math.Max(1, Math.Min(threads, Environment.ProcessorCount)), pinned);
    }

    public static ComputePeak Parse(string cpuinfo, int cores, bool pinned)
    {
        var flags = Regex.Match(cpuinfo, @"^flags\s*:\s*(.*)$", RegexOptions.Multiline).Groups[1].Value.Split(' ').ToHashSet();
        var ghz = Regex.Match(cpuinfo, @"^model name\s*:.*@\s*([0-9.]+)\s*GHz", RegexOptions.Multiline) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : Regex.Match(cpuinfo, @"^cpu MHz\s*:\s*([0-9.]+)", RegexOptions.Multiline) is { Success: true } mhz
                ? double.Parse(mhz.Groups[1].Value, CultureInfo.InvariantCulture) / 1000
                : 1.0;
        var (lanes, isa) = flags.Contains("avx512f") ? (16, "AVX-512") : flags.Contains("avx2") ? (8, "AVX2") : (4, "SSE");
        if (pinned && lanes > 8) (lanes, isa) = (8, "AVX2");
        return new ComputePeak(cores, ghz, flags.Contains("fma") ? 2 : 1, lanes, isa, pinned);
    }
}
