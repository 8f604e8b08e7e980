namespace MriTransfer.Training.Settings;

/// <summary>
/// Params <c>&lt;prefix&gt;.optimizer</c> (adam|adamw), <c>.lr</c> (0 &lt; lr ≤ 1), <c>.weight_decay</c> (0..1),
/// <c>.schedule</c> (cosine|step|constant; cosine decays to 1% of lr over the epochs), <c>.step_size</c> (epochs, 1..1000),
/// <c>.step_gamma</c> (0 &lt; γ ≤ 1).
/// </summary>
public sealed record OptimizerSettings(string Optimizer, double LearningRate, double WeightDecay, string Schedule, int StepSize, double StepGamma)
{
    public static readonly string[] Optimizers = ["adam", "adamw"];
    public static readonly string[] Schedules = ["cosine", "step", "constant"];

    public static OptimizerSettings Read(ParamReader p, string prefix, double defaultLr, double defaultWeightDecay = 1e-4) => new(
        p.Choice($"{prefix}.optimizer", "adamw", Optimizers),
        p.Double($"{prefix}.lr", defaultLr, 0, 1, minExclusive: true),
        p.Double($"{prefix}.weight_decay", defaultWeightDecay, 0, 1),
        p.Choice($"{prefix}.schedule", "cosine", Schedules),
        p.Int($"{prefix}.step_size", 10, 1, 1000),
        p.Double($"{prefix}.step_gamma", 0.5, 0, 1, minExclusive: true));
}
