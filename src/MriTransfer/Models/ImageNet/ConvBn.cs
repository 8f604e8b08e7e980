using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Models.ImageNet;

/// <summary>
/// Convolution (no bias) + batch normalisation. The CNTK export lists its pads as [begin_h, begin_w, end_h, end_w]
/// = [3,3,2,2] for the 7×7/2 stem and [1,1,0,0] for strided 3×3 convolutions: CNTK's "same" auto-padding
/// (output = ceil(n / stride), the odd extra zero before) resolved for 224 px inputs. Padding symmetrically by
/// <see cref="PadBegin"/> gives exactly those outputs at 224 px and ceil(n / stride) outputs at every size,
/// so residual branches stay aligned for any image size (the fixed asymmetric pads would not: at 7 px a
/// strided 3×3 gives 3 outputs, the 1×1 shortcut 4). <see cref="PadEnd"/> is the export's value, checked on import.
/// </summary>
public sealed class ConvBn : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;

    public ConvBn(string name, int inChannels, int outChannels, int kernelSize, int stride, int padBegin, int padEnd)
        : base(name)
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        PadBegin = padBegin;
        PadEnd = padEnd;
        conv = nn.Conv2d(inChannels, outChannels, kernelSize, stride: stride, padding: padBegin, bias: false);
        bn = nn.BatchNorm2d(outChannels, eps: Epsilon);
        RegisterComponents();
    }

    /// <summary>BatchNormalization epsilon of the CNTK export (1e-5, as torchvision's ResNet).</summary>
    public const double Epsilon = 1e-5;

    public int InChannels { get; }
    public int OutChannels { get; }
    public int KernelSize { get; }
    public int Stride { get; }
    public int PadBegin { get; }
    public int PadEnd { get; }

    public Conv2d Conv => conv;
    public BatchNorm2d Norm => bn;

    public override Tensor forward(Tensor input)
    {
        using var convolved = conv.call(input); // call, not forward: fires the hooks FlopCount traces with
        return bn.forward(convolved);
    }
}
