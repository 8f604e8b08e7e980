using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// (x − mean) / scale with fixed buffers (state-dict keys <c>mean</c>, <c>scale</c>), set once from the training features
/// (<see cref="Fit"/>) and never from a batch: a head's input is standardised the same way in training and evaluation, for
/// batches of any size. A batch norm here normalised over 4 pooled vectors, and a layer norm (per sample, across features)
/// would not remove what it must: pooled features differ between subjects by hundredths around per-feature offsets of up
/// to ±0.8.
/// </summary>
public sealed class FeatureStandardizer : Module<Tensor, Tensor>
{
    private readonly Tensor mean;
    private readonly Tensor scale;

    public FeatureStandardizer(long width) : base(nameof(FeatureStandardizer))
    {
        mean = zeros(width);
        scale = ones(width);
        register_buffer("mean", mean);
        register_buffer("scale", scale);
    }

    /// <summary>Sets mean and scale from (N, width) training features; constant features keep scale 1.</summary>
    public void Fit(Tensor features)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var m = features.mean([0L]);
        var sd = features.std(0, unbiased: false);
        mean.copy_(m);
        scale.copy_(where(sd > 1e-12, sd, ones_like(sd)));
    }

    public override Tensor forward(Tensor x) => (x - mean) / scale;
}
