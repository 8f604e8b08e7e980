using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>Builds 2-D or 3-D layers by <c>spatialDims</c>, so one model class serves slices and volumes.</summary>
internal static class Layers
{
    public static Module<Tensor, Tensor> Conv(int dims, long inC, long outC, long kernel, long stride = 1, long padding = 0) => dims == 3
        ? Conv3d(inC, outC, kernel, stride: stride, padding: padding)
        : Conv2d(inC, outC, kernel, stride: stride, padding: padding);

    public static Module<Tensor, Tensor> UpConv(int dims, long inC, long outC) => dims == 3
        ? ConvTranspose3d(inC, outC, 2, stride: 2)
        : ConvTranspose2d(inC, outC, 2, stride: 2);

    public static Module<Tensor, Tensor> Norm(EncoderArchitecture arch, long channels) => (arch.Norm, arch.SpatialDims) switch
    {
        ("batch", 3) => BatchNorm3d(channels),
        ("batch", _) => BatchNorm2d(channels),
        ("instance", 3) => AffineIdentity(InstanceNorm3d(channels, affine: true)),
        ("instance", _) => AffineIdentity(InstanceNorm2d(channels, affine: true)),
        ("group", _) => AffineIdentity(GroupNorm(arch.NormGroups, channels)),
        _ => throw new ModelConfigurationException($"unknown norm '{arch.Norm}'"),
    };

    /// <summary>
    /// Sets a norm's affine weight to 1 and bias to 0, as PyTorch does: TorchSharp 0.107 leaves the affine parameters
    /// of GroupNorm/InstanceNorm uninitialised (seen as NaN outputs), so they are set explicitly.
    /// </summary>
    private static Module<Tensor, Tensor> AffineIdentity(Module<Tensor, Tensor> norm)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in norm.named_parameters())
        {
            if (name == "weight") parameter.fill_(1);
            else if (name == "bias") parameter.fill_(0);
        }
        return norm;
    }

    public static Module<Tensor, Tensor> Activation(string name) => name switch
    {
        "relu" => ReLU(),
        "leaky_relu" => LeakyReLU(0.01),
        "elu" => ELU(),
        "gelu" => GELU(),
        "silu" => SiLU(),
        _ => throw new ModelConfigurationException($"unknown activation '{name}'"),
    };

    /// <summary>Mean over every spatial axis: (N, C, ...) → (N, C).</summary>
    public static Tensor GlobalAveragePool(Tensor x) =>
        x.flatten(2).mean([2L]);

    /// <summary>Maximum over every spatial axis: (N, C, ...) → (N, C).</summary>
    public static Tensor GlobalMaxPool(Tensor x) =>
        x.flatten(2).amax([2L]);
}
