using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

public class MachineInfoTests
{
    [Fact]
    public void The_report_machine_names_the_cpu_the_engine_gave_and_says_the_kernels_were_pinned()
    {
        var machine = MachineInfo.Current("AMD EPYC 7B13, AVX2", reproducibleKernels: true);

        Assert.Equal("AMD EPYC 7B13, AVX2", machine.Cpu);
        Assert.StartsWith("pinned to AVX2 (runtime.reproducible_kernels: true)", machine.Kernels);
    }

    [Fact]
    public void Without_pinning_the_report_machine_warns_that_weights_differ_between_cpu_kinds_and_an_unknown_cpu_says_so()
    {
        var machine = MachineInfo.Current(null, reproducibleKernels: false);

        Assert.Equal("unknown", machine.Cpu);
        Assert.Contains("weights differ between CPU kinds", machine.Kernels);
    }
}
