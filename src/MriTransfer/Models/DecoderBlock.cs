using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// Mirror of an encoder block: a stride-2 transposed convolution doubling every axis, then conv–norm–activation ×2
/// (plain: the transposed convolution keeps the input width) or ×1 (strided: it goes to the output width at once).
/// State-dict keys: <c>up.*</c>, <c>conv1.*</c>, and <c>conv2.*</c> for plain blocks.
/// </summary>
public sealed class DecoderBlock : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> up;
    private readonly ConvNormAct conv1;
    private readonly ConvNormAct? conv2;

    public DecoderBlock(EncoderArchitecture arch, long inChannels, long outChannels) : base(nameof(DecoderBlock))
    {
        if (arch.IsStrided)
        {
            up = Layers.UpConv(arch.SpatialDims, inChannels, outChannels);
            conv1 = new ConvNormAct(arch, outChannels, outChannels);
        }
        else
        {
            up = Layers.UpConv(arch.SpatialDims, inChannels, inChannels);
            conv1 = new ConvNormAct(arch, inChannels, outChannels);
            conv2 = new ConvNormAct(arch, outChannels, outChannels);
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var y = conv1.forward(up.forward(x));
        return conv2 is null ? y : conv2.forward(y);
    }
}
