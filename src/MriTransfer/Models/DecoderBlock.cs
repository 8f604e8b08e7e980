using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>Mirror of an encoder block: a stride-2 transposed convolution doubling every axis, then conv–norm–activation ×2.</summary>
public sealed class DecoderBlock : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> up;
    private readonly ConvNormAct conv1;
    private readonly ConvNormAct conv2;

    public DecoderBlock(EncoderArchitecture arch, long inChannels, long outChannels) : base(nameof(DecoderBlock))
    {
        up = Layers.UpConv(arch.SpatialDims, inChannels, inChannels);
        conv1 = new ConvNormAct(arch, inChannels, outChannels);
        conv2 = new ConvNormAct(arch, outChannels, outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => conv2.forward(conv1.forward(up.forward(x)));
}
