using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>conv(3, padding 1, stride 1 or 2) → norm → activation. State-dict keys: <c>conv.*</c>, <c>norm.*</c>.</summary>
public sealed class ConvNormAct : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> conv;
    private readonly Module<Tensor, Tensor> norm;
    private readonly Module<Tensor, Tensor> act;

    public ConvNormAct(EncoderArchitecture arch, long inChannels, long outChannels, long stride = 1) : base(nameof(ConvNormAct))
    {
        conv = Layers.Conv(arch.SpatialDims, inChannels, outChannels, 3, stride: stride, padding: 1);
        norm = Layers.Norm(arch, outChannels);
        act = Layers.Activation(arch.Activation);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => act.forward(norm.forward(conv.forward(x)));
}
