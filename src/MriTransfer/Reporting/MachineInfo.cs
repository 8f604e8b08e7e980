using System.Reflection;
using System.Runtime.InteropServices;

namespace MriTransfer.Reporting;

/// <summary>
/// The machine a report was made on: cores, OS, .NET runtime, TorchSharp version, the CPU (model and vector ISA, as
/// the engine describes it) and how libtorch chose its kernels (pinned to AVX2 or this CPU's own).
/// </summary>
public sealed record MachineInfo(int Cores, string OperatingSystem, string DotNet, string TorchSharp, string Cpu = "unknown", string Kernels = "unknown")
{
    /// <summary>This machine; <paramref name="cpu"/> as the engine names it, <paramref name="reproducibleKernels"/> = runtime.reproducible_kernels.</summary>
    public static MachineInfo Current(string? cpu, bool reproducibleKernels) => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        string.IsNullOrEmpty(cpu) ? "unknown" : cpu,
        reproducibleKernels
            ? "pinned to AVX2 (runtime.reproducible_kernels: true): the same weights on every x86-64 CPU"
            : "this CPU's own (runtime.reproducible_kernels: false): weights differ between CPU kinds");
}
