using System.Reflection;
using System.Runtime.InteropServices;

namespace MriTransfer.Reporting;

/// <summary>The machine a report was made on: cores, OS, .NET runtime and TorchSharp version.</summary>
public sealed record MachineInfo(int Cores, string OperatingSystem, string DotNet, string TorchSharp)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown");
}
