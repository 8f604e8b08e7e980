using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Models.ImageNet;

/// <summary>
/// ResNet-18 up to the pooled 512-d features, shaped like the CNTK ImageNet model in
/// Microsoft.ML.DnnImageFeaturizer.ResNet18: 7×7/2 stem, 3×3/2 max pool, four stages of basic blocks,
/// global average pool. Unlike torchvision's ResNet-18 (2, 2, 2, 2 blocks) the CNTK export has 2, 2, 2, 3
/// blocks: its last stage has a third 512-channel block (22 convolutions in all, read from the graph). The ONNX file pools with a fixed 7×7 window (valid at 224 px); this module pools
/// globally, which is identical at 224 px and also works for smaller images.
/// Input: the network input of <see cref="CntkImageNetInput"/> (BGR, 0–255 minus the ImageNet mean).
/// </summary>
public sealed class ResNet18Backbone : nn.Module<Tensor, Tensor>
{
    /// <summary>
    /// Smallest accepted image side: the network downsamples 32-fold, so below 32 px its last stage has less than
    /// one input pixel per output and the ImageNet features stop meaning anything.
    /// </summary>
    public const int MinImageSize = 32;
    public const int FeatureCount = 512;

    private readonly ConvBn stem;
    private readonly ModuleList<BasicBlock> layer1, layer2, layer3, layer4;

    public ResNet18Backbone() : base("resnet18")
    {
        stem = new ConvBn("stem", 3, 64, 7, 2, 3, 2);
        layer1 = Stage(64, 64, 1, BlocksPerStage[0]);
        layer2 = Stage(64, 128, 2, BlocksPerStage[1]);
        layer3 = Stage(128, 256, 2, BlocksPerStage[2]);
        layer4 = Stage(256, 512, 2, BlocksPerStage[3]);
        RegisterComponents();
    }

    /// <summary>Basic blocks per stage in the CNTK export.</summary>
    public static readonly int[] BlocksPerStage = [2, 2, 2, 3];

    private static ModuleList<BasicBlock> Stage(int inChannels, int outChannels, int stride, int blocks) =>
        nn.ModuleList(Enumerable.Range(0, blocks)
            .Select(i => i == 0 ? new BasicBlock("0", inChannels, outChannels, stride) : new BasicBlock($"{i}", outChannels, outChannels, 1))
            .ToArray());

    /// <summary>
    /// The backbone's parameters by depth, shallowest first: the stem, then each of the four stages. Fine-tuning gives
    /// each group its own learning rate (layer-wise decay: the deeper the group, the closer to the full rate).
    /// </summary>
    public IReadOnlyList<(string Name, IReadOnlyList<Parameter> Parameters)> ParameterGroupsByDepth() =>
    [
        ("stem", stem.parameters().ToList()),
        ("layer1", layer1.parameters().ToList()),
        ("layer2", layer2.parameters().ToList()),
        ("layer3", layer3.parameters().ToList()),
        ("layer4", layer4.parameters().ToList()),
    ];

    /// <summary>Every ConvBn in the order the CNTK graph lists its Conv/BatchNormalization pairs.</summary>
    public IEnumerable<ConvBn> LayersInGraphOrder() =>
        new[] { stem }.Concat(new[] { layer1, layer2, layer3, layer4 }.SelectMany(s => s).SelectMany(b => b.LayersInGraphOrder()));

    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4 || input.shape[1] != 3)
            throw new ArgumentException($"ResNet-18 expects [N, 3, H, W] images, got [{string.Join(", ", input.shape)}]");
        if (input.shape[2] < MinImageSize || input.shape[3] < MinImageSize)
            throw new ArgumentException(
                $"images of {input.shape[2]}×{input.shape[3]} px are too small for ResNet-18's 32-fold downsampling; use at least {MinImageSize}×{MinImageSize}");
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(stem.forward(input));
        // The export's MaxPool pads [1,1,0,0] are "same" padding at 224 px, like the convolutions (see ConvBn).
        x = nn.functional.max_pool2d(x, 3, 2, 1);
        foreach (var stage in new[] { layer1, layer2, layer3, layer4 })
            foreach (var block in stage)
                x = block.forward(x);
        return nn.functional.adaptive_avg_pool2d(x, 1).flatten(1).MoveToOuterDisposeScope();
    }
}
