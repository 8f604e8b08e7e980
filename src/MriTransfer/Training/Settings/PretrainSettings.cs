using MriTransfer.Models;

namespace MriTransfer.Training.Settings;

/// <summary>
/// Everything Pretrain reads: <c>model.*</c>, <c>runtime.torch_threads</c> and <c>pretrain.*</c>: variant
/// (plain|denoising|masked), noise_std, mask_ratio, mask_cube, epochs (1..10000, default 12), batch_size (1..512,
/// default 8), patience (early-stopping epochs without val improvement, 1..10000, default 4), seed (default 0),
/// optimizer/lr (1e-3)/weight_decay/schedule/step_size/step_gamma, augment.*.
/// </summary>
public sealed record PretrainSettings(
    ModelSettings Model, AutoencoderVariant Variant, int Epochs, int BatchSize, int Patience, long Seed,
    OptimizerSettings Optimizer, AugmentationSettings Augment, RuntimeSettings Runtime)
{
    public static PretrainSettings Read(ParamSource source)
    {
        var p = new ParamReader(source);
        var model = ModelSettings.Read(p);
        var kind = p.Choice("pretrain.variant", "denoising", AutoencoderVariant.Kinds);
        var noise = p.Double("pretrain.noise_std", 0.1, 0, 10);
        var ratio = p.Double("pretrain.mask_ratio", 0.25, 0, 0.9);
        var cube = p.Int("pretrain.mask_cube", 8, 1, 64);
        var variant = AutoencoderVariant.Plain;
        try { variant = AutoencoderVariant.Create(kind, noise, ratio, cube); }
        catch (ModelConfigurationException e) { p.Problem(e.Message); }
        var settings = new PretrainSettings(
            model,
            variant,
            p.Int("pretrain.epochs", 12, 1, 10000),
            p.Int("pretrain.batch_size", 8, 1, 512),
            p.Int("pretrain.patience", 4, 1, 10000),
            p.Long("pretrain.seed", 0),
            OptimizerSettings.Read(p, "pretrain", defaultLr: 1e-3),
            AugmentationSettings.Read(p, "pretrain"),
            RuntimeSettings.Read(p));
        p.ThrowIfAny("Pretrain");
        return settings;
    }
}
