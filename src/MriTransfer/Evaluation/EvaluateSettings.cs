namespace MriTransfer.Evaluation;

/// <summary>
/// The Evaluate stage's params (evaluate.*), validated on construction; every problem is reported together.
/// </summary>
public sealed record EvaluateSettings
{
    public static readonly IReadOnlyList<string> DefaultVariants = ["scratch", "head", "finetune", "imagenet_head", "imagenet_finetune"];

    public EvaluateSettings(int bootstrapResamples = 2000, int seed = 2024, double ciLevel = 0.95,
        IReadOnlyList<string>? variants = null, string baseline = "scratch",
        double probeL2 = 0.01, int probeIterations = 500, double probeLearningRate = 0.1, int reconstructionExamples = 3)
    {
        BootstrapResamples = bootstrapResamples;
        Seed = seed;
        CiLevel = ciLevel;
        Variants = variants ?? DefaultVariants;
        Baseline = baseline;
        Probe = new LinearProbeSettings(probeL2, probeIterations, probeLearningRate);
        ReconstructionExamples = reconstructionExamples;
        var problems = Problems().ToList();
        if (problems.Count > 0) throw new EvaluationInputException(problems);
    }

    /// <summary>evaluate.bootstrap_resamples: subject-level bootstrap resamples, 100..100000.</summary>
    public int BootstrapResamples { get; }
    /// <summary>evaluate.seed: seed of the bootstrap resampling, ≥ 0.</summary>
    public int Seed { get; }
    /// <summary>evaluate.ci_level: two-sided confidence level of the percentile intervals, 0.5..0.999.</summary>
    public double CiLevel { get; }
    /// <summary>evaluate.variants: the variant names expected; those not given as inputs are listed as missing.</summary>
    public IReadOnlyList<string> Variants { get; }
    /// <summary>evaluate.baseline: the variant every other one is compared against.</summary>
    public string Baseline { get; }
    /// <summary>evaluate.probe_l2 (≥ 0, ≤ 100), evaluate.probe_iterations (1..100000), evaluate.probe_lr (0 &lt; lr ≤ 10).</summary>
    public LinearProbeSettings Probe { get; }
    /// <summary>evaluate.reconstruction_examples: subjects per cohort whose reconstruction volumes are saved for the report, 0..20.</summary>
    public int ReconstructionExamples { get; }

    private IEnumerable<string> Problems()
    {
        if (BootstrapResamples is < 100 or > 100_000)
            yield return $"evaluate.bootstrap_resamples: expected an integer from 100 to 100000, got {BootstrapResamples}";
        if (Seed < 0) yield return $"evaluate.seed: expected an integer ≥ 0, got {Seed}";
        if (!(CiLevel >= 0.5 && CiLevel <= 0.999)) yield return $"evaluate.ci_level: expected a number from 0.5 to 0.999, got {CiLevel}";
        if (Variants.Count == 0) yield return "evaluate.variants: expected at least one variant name";
        foreach (var bad in Variants.Where(v => !IsVariantName(v)))
            yield return $"evaluate.variants: '{bad}' is not a valid variant name (letters, digits, '_' or '-')";
        if (Variants.Distinct(StringComparer.Ordinal).Count() != Variants.Count) yield return "evaluate.variants: names must be unique";
        if (!IsVariantName(Baseline)) yield return $"evaluate.baseline: '{Baseline}' is not a valid variant name";
        if (!(Probe.L2 >= 0 && Probe.L2 <= 100)) yield return $"evaluate.probe_l2: expected a number from 0 to 100, got {Probe.L2}";
        if (Probe.Iterations is < 1 or > 100_000) yield return $"evaluate.probe_iterations: expected an integer from 1 to 100000, got {Probe.Iterations}";
        if (!(Probe.LearningRate > 0 && Probe.LearningRate <= 10)) yield return $"evaluate.probe_lr: expected a number > 0 and ≤ 10, got {Probe.LearningRate}";
        if (ReconstructionExamples is < 0 or > 20) yield return $"evaluate.reconstruction_examples: expected an integer from 0 to 20, got {ReconstructionExamples}";
    }

    public static bool IsVariantName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
