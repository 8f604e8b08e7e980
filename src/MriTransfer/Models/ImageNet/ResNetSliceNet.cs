using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Models.ImageNet;

/// <summary>
/// Slice classifier: ImageNet input convention → ResNet-18 backbone (512 pooled features) → linear head.
/// Takes RGB images in [0, 1] ([N, 3, H, W], from <see cref="SliceImages"/>), returns class logits.
/// Field names are checkpoint keys ("backbone.*", "head.*"): do not rename.
/// </summary>
public sealed class ResNetSliceNet : nn.Module<Tensor, Tensor>
{
    private readonly ResNet18Backbone backbone;
    private readonly Linear head;

    public ResNetSliceNet(ResNet18Backbone backbone, int classCount) : base("resnet18_slices")
    {
        this.backbone = backbone;
        head = nn.Linear(ResNet18Backbone.FeatureCount, classCount);
        RegisterComponents();
    }

    public ResNet18Backbone Backbone => backbone;
    public Linear Head => head;

    public Tensor Features(Tensor rgb01)
    {
        using var input = CntkImageNetInput.FromRgb01(rgb01);
        return backbone.forward(input);
    }

    public override Tensor forward(Tensor rgb01)
    {
        using var features = Features(rgb01);
        return head.forward(features);
    }

    /// <summary>Training mode for the head only: batch norm keeps its ImageNet statistics in every variant.</summary>
    public void TrainHeadKeepBatchNormFrozen()
    {
        train();
        backbone.eval();
    }
}
