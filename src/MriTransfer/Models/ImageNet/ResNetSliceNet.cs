using MriTransfer.Randomness;
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
        return head.call(features); // call, not forward: fires the hooks FlopCount traces with
    }

    /// <summary>
    /// Re-initialises the head as PyTorch's Linear default does (uniform ±1/√512 for weights and bias) from
    /// <paramref name="seed"/> alone, so the start does not depend on libtorch's global generator.
    /// </summary>
    public void ResetHead(int seed)
    {
        var random = Seeds.Stream(seed);
        var bound = 1.0 / Math.Sqrt(ResNet18Backbone.FeatureCount);
        float[] Draw(long count) => Enumerable.Range(0, (int)count).Select(_ => (float)((random.NextDouble() * 2 - 1) * bound)).ToArray();
        using var noGrad = no_grad();
        using var weight = tensor(Draw(head.weight!.numel()), head.weight.shape);
        using var bias = tensor(Draw(head.bias!.numel()), head.bias.shape);
        head.weight.copy_(weight);
        head.bias.copy_(bias);
    }

    /// <summary>Training mode for the head only: batch norm keeps its ImageNet statistics in every variant.</summary>
    public void TrainHeadKeepBatchNormFrozen()
    {
        train();
        backbone.eval();
    }
}
