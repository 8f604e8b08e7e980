namespace Pipeline.Engine.Tests.Declarations;

public class MachineDescriptionTests
{
    [Theory]
    [InlineData("model name\t: Intel(R) Xeon(R) Processor\nflags\t\t: fpu sse2 avx avx2 fma avx512f avx512bw\n", "Intel(R) Xeon(R) Processor, AVX-512")]
    [InlineData("model name\t: AMD EPYC 7B13 64-Core Processor\nflags\t\t: fpu sse2 avx avx2 fma\n", "AMD EPYC 7B13 64-Core Processor, AVX2")]
    [InlineData("model name\t: Old CPU\nflags\t\t: fpu sse2 avx\n", "Old CPU, AVX")]
    [InlineData("processor\t: 0\nmodel name\t: First\nflags\t: avx2\n\nprocessor\t: 1\nmodel name\t: Second\nflags\t: avx2\n", "First, AVX2")]
    public void Describe_names_the_model_and_the_widest_vector_extension(string cpuInfo, string expected) =>
        Assert.Equal(expected, MachineDescription.Describe(cpuInfo));
}
