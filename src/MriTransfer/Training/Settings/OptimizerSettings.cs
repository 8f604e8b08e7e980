namespace MriTransfer.Training.Settings;

/// <summary>
/// <c>&lt;stage&gt;.optimizer</c> (adam | adamw), <c>.lr</c>, <c>.weight_decay</c>, <c>.schedule</c> (cosine | step |
/// constant; cosine decays to 1% of lr over the epochs), <c>.step_size</c> and <c>.step_gamma</c> (step schedule).
/// Values, ranges and meanings: params.yaml and the schema in build/.
/// </summary>
public sealed record OptimizerSettings(string Optimizer, double Lr, double WeightDecay, string Schedule, int StepSize, double StepGamma);
