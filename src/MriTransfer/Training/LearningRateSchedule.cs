using MriTransfer.Training.Settings;

namespace MriTransfer.Training;

/// <summary>The learning-rate factor of an epoch (0-based): optional linear warm-up, then cosine, step or constant.</summary>
public static class LearningRateSchedule
{
    /// <summary>Cosine decays to this fraction of the base learning rate at the last epoch.</summary>
    public const double CosineFloor = 0.01;

    public static double Factor(OptimizerSettings settings, int epoch, int totalEpochs, int warmupEpochs = 0)
    {
        if (epoch < warmupEpochs) return (epoch + 1.0) / (warmupEpochs + 1.0);
        var e = epoch - warmupEpochs;
        var span = Math.Max(1, totalEpochs - warmupEpochs - 1);
        return settings.Schedule switch
        {
            "cosine" => CosineFloor + (1 - CosineFloor) * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(e, span) / span)),
            "step" => Math.Pow(settings.StepGamma, e / settings.StepSize),
            _ => 1.0,
        };
    }
}
