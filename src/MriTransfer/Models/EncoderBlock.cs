using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// One encoder block: conv–norm–activation ×2 at full resolution, then a stride-2 convolution (kernel 2)
/// halving every spatial axis. State-dict keys: <c>conv1.*</c>, <c>conv2.*</c>, <c>down.*</c>.
/// </summary>
public sealed class EncoderBlock : Module<Tensor, Tensor>
{
    private readonly ConvNormAct conv1;
    private readonly ConvNormAct conv2;
    private readonly Module<Tensor, Tensor> down;

    public EncoderBlock(EncoderArchitecture arch, long inChannels, long outChannels) : base(nameof(EncoderBlock))
    {
        conv1 = new ConvNormAct(arch, inChannels, outChannels);
        conv2 = new ConvNormAct(arch, outChannels, outChannels);
        down = Layers.Conv(arch.SpatialDims, outChannels, outChannels, 2, stride: 2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
        => down.forward(conv2.forward(conv1.forward(x)));
}
