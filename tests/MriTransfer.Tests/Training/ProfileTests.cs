using MriTransfer.Models;
using MriTransfer.Training.Loop;
using static TorchSharp.torch;

namespace MriTransfer.Tests.Training;

[Collection(TorchCollection.Name)]
public class ProfileTests
{
    [Fact]
    public void Given_an_AVX512_Xeon_when_the_kernels_are_pinned_then_the_peak_uses_the_AVX2_width()
    {
        const string cpuinfo = "model name\t: Intel(R) Xeon(R) Processor\ncpu MHz\t\t: 2299.998\nflags\t\t: fpu sse avx avx2 fma avx512f\n";

        var pinned = ComputePeak.Parse(cpuinfo, cores: 2, pinned: true);
        var free = ComputePeak.Parse(cpuinfo, cores: 2, pinned: false);

        Assert.Equal(2 * 2.299998 * 2 * 8 * 2, pinned.Gflops, 6);
        Assert.Equal(2 * free.Gflops / 2, 2 * pinned.Gflops, 6);
        Assert.Equal(16, free.Lanes);
    }

    [Fact]
    public void Given_a_model_name_with_a_nominal_frequency_when_parsed_then_that_frequency_is_used()
    {
        var peak = ComputePeak.Parse("model name\t: AMD EPYC 7B13 @ 2.45GHz\ncpu MHz\t\t: 1500.0\nflags\t\t: avx2 fma\n", cores: 1, pinned: false);

        Assert.Equal(2.45 * 2 * 8 * 2, peak.Gflops, 6);
    }

    [Fact]
    public void Given_a_conv_and_a_linear_layer_when_traced_then_the_flops_are_two_per_multiply_add()
    {
        using var model = new ConvThenLinear();

        var flops = FlopCount.Trace(model, [1, 8, 8, 8]);

        // conv 1→4, 3³ kernel, padding 1: 4·27 weights at each of 8³ outputs; linear 4·8³ → 3
        Assert.Equal([2.0 * 4 * 27 * 512, 2.0 * 2048 * 3], flops.Layers.Select(l => l.Forward));
        Assert.Equal(3 * flops.ForwardPerSample, flops.TrainingPerSample);
        Assert.True(model.training, "the trace restores the training flag");
    }

    private sealed class ConvThenLinear : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> conv = nn.Conv3d(1, 4, 3, padding: 1);
        private readonly nn.Module<Tensor, Tensor> fc = nn.Linear(4 * 512, 3);

        public ConvThenLinear() : base(nameof(ConvThenLinear)) => RegisterComponents();

        public override Tensor forward(Tensor x) => fc.forward(conv.forward(x).flatten(1));
    }
}
