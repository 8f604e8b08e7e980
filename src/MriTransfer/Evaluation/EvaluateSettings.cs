namespace MriTransfer.Evaluation;

/// <summary>
/// <c>evaluate.*</c>: patient-level bootstrap resamples, their seed and confidence level; the random relabelings of the
/// patient-level paired permutation test; the variants expected (those
/// not given as inputs are listed as missing) and the baseline every other one is compared with; the linear probe's
/// L2 penalty, gradient steps and step size; the subjects per cohort saved as reconstruction examples.
/// Values, ranges and meanings: params.yaml and the schema in build/.
/// </summary>
public sealed record EvaluateSettings(
    int BootstrapResamples, int Seed, double CiLevel, IReadOnlyList<string> Variants, string Baseline,
    double ProbeL2, int ProbeIterations, double ProbeLr, int ReconstructionExamples, int Permutations)
{
    public LinearProbeSettings Probe => new(ProbeL2, ProbeIterations, ProbeLr);

    /// <summary>What the schema cannot check: variant names usable as file and input names, each once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Variants.Count == 0) problems.Add("evaluate.variants: expected at least one variant name");
        foreach (var bad in Variants.Where(v => !IsVariantName(v)))
            problems.Add($"evaluate.variants: '{bad}' is not a valid variant name (letters, digits, '_' or '-')");
        if (Variants.Distinct(StringComparer.Ordinal).Count() != Variants.Count) problems.Add("evaluate.variants: names must be unique");
        if (!IsVariantName(Baseline)) problems.Add($"evaluate.baseline: '{Baseline}' is not a valid variant name (letters, digits, '_' or '-')");
        if (problems.Count > 0) throw new EvaluationInputException(problems);
    }

    public static bool IsVariantName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
