using TorchSharp;
using static TorchSharp.torch;

namespace MriTransfer.Models.ImageNet;

/// <summary>ResNet basic block: two 3×3 ConvBn with a residual shortcut (a strided 1×1 ConvBn when the shape changes).</summary>
public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvBn conv1;
    private readonly ConvBn conv2;
    private readonly ConvBn? downsample;

    public BasicBlock(string name, int inChannels, int outChannels, int stride) : base(name)
    {
        // CNTK pads strided 3×3 convolutions by 1 before and 0 after; stride-1 ones by 1 on both sides.
        conv1 = new ConvBn("conv1", inChannels, outChannels, 3, stride, 1, stride == 1 ? 1 : 0);
        conv2 = new ConvBn("conv2", outChannels, outChannels, 3, 1, 1, 1);
        if (stride != 1 || inChannels != outChannels)
            downsample = new ConvBn("downsample", inChannels, outChannels, 1, stride, 0, 0);
        RegisterComponents();
    }

    /// <summary>The block's ConvBn layers in the order the CNTK graph lists them (shortcut first).</summary>
    public IEnumerable<ConvBn> LayersInGraphOrder()
    {
        if (downsample is not null) yield return downsample;
        yield return conv1;
        yield return conv2;
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var main = conv2.forward(nn.functional.relu(conv1.forward(input)));
        var shortcut = downsample is null ? input : downsample.forward(input);
        return nn.functional.relu(main.add(shortcut)).MoveToOuterDisposeScope();
    }
}
