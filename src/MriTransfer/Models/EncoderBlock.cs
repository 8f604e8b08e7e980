using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// One encoder block, halving every spatial axis (<see cref="EncoderArchitecture.Block"/>). Plain: conv–norm–activation
/// ×2 at the input resolution, then a stride-2 convolution (kernel 2); state-dict keys <c>conv1.*</c>, <c>conv2.*</c>,
/// <c>down.*</c>. Strided: a stride-2 conv–norm–activation to the block's width, then a conv–norm–activation at the
/// halved resolution; keys <c>conv1.*</c>, <c>conv2.*</c>.
/// </summary>
public sealed class EncoderBlock : Module<Tensor, Tensor>
{
    private readonly ConvNormAct conv1;
    private readonly ConvNormAct conv2;
    private readonly Module<Tensor, Tensor>? down;

    public EncoderBlock(EncoderArchitecture arch, long inChannels, long outChannels) : base(nameof(EncoderBlock))
    {
        if (arch.IsStrided)
        {
            conv1 = new ConvNormAct(arch, inChannels, outChannels, stride: 2);
            conv2 = new ConvNormAct(arch, outChannels, outChannels);
        }
        else
        {
            conv1 = new ConvNormAct(arch, inChannels, outChannels);
            conv2 = new ConvNormAct(arch, outChannels, outChannels);
            down = Layers.Conv(arch.SpatialDims, outChannels, outChannels, 2, stride: 2);
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var y = conv2.forward(conv1.forward(x));
        return down is null ? y : down.forward(y);
    }
}
