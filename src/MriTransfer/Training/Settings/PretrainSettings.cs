using MriTransfer.Models;

namespace MriTransfer.Training.Settings;

/// <summary>
/// <c>pretrain.*</c> besides the optimizer: the autoencoder variant and its corruption, the loop (an epoch improves when
/// AD val loss falls below the best × (1 − <see cref="MinImprovement"/>)), the seed, patch crops (empty = whole
/// volumes), augmentation.
/// </summary>
public sealed record PretrainOptions(
    string Variant, double NoiseStd, double MaskRatio, int MaskCube, int Epochs, int BatchSize, int Patience, double MinImprovement,
    int Seed, IReadOnlyList<int> PatchShape, AugmentationSettings Augment);

/// <summary>Everything Pretrain reads: the encoder keys of <c>model.*</c>, <c>pretrain.*</c> (with its optimizer keys) and <c>runtime.*</c>.</summary>
public sealed record PretrainSettings(EncoderSettings Model, PretrainOptions Pretrain, OptimizerSettings Optimizer, RuntimeSettings Runtime)
{
    public AutoencoderVariant Variant => AutoencoderVariant.Create(Pretrain.Variant, Pretrain.NoiseStd, Pretrain.MaskRatio, Pretrain.MaskCube);
}
