using TorchSharp;
using static TorchSharp.torch;

namespace MriTransfer.Tests.Training;

/// <summary>
/// TorchSharp's native library must load on Debian 12 through the patched build output
/// (eng/LibTorchSharpFix.targets), without any system change.
/// </summary>
[Collection(MriTransfer.Tests.Training.TorchCollection.Name)]
public class TorchSharpLoadsTests
{
    [Fact]
    public void A_small_conv3d_runs_forward_and_backward()
    {
        // Given a small 3-D convolution and a random batch
        using var scope = NewDisposeScope();
        manual_seed(1);
        var conv = nn.Conv3d(1, 4, 3, padding: 1);
        var x = randn([2, 1, 8, 8, 8], requires_grad: true);

        // When it runs forward and backward
        var loss = conv.forward(x).square().mean();
        loss.backward();

        // Then the output has the input's spatial shape and gradients reach the input and the weights
        Assert.Equal(new long[] { 2, 4, 8, 8, 8 }, conv.forward(x).shape);
        Assert.NotNull(x.grad);
        Assert.True(x.grad!.abs().sum().item<float>() > 0);
        Assert.True(conv.weight!.grad!.abs().sum().item<float>() > 0);
    }
}
