namespace MriTransfer.Cohorts.Splitting;

/// <summary>What a cohort is used for: AD is split train/val only; BT train/val/test with label fractions.</summary>
public enum CohortRole
{
    Ad,
    Bt,
}

/// <summary>
/// How a cohort is split: <c>preprocess_&lt;cohort&gt;.role</c>, <c>.val_fraction</c>, and for BT <c>.test_fraction</c> and
/// the nested <c>.label_fractions</c> of train (an AD cohort has neither: 0 and empty); <c>preprocess.k_folds</c> (0 = no
/// folds; k ≥ 2 deals the non-test patients into k stratified folds and fold 0 becomes val) and <c>preprocess.seed</c>.
/// <see cref="Validate"/> checks what the schema cannot.
/// </summary>
public sealed record SplitSettings(CohortRole Role, double ValFraction, double TestFraction, int KFolds, int Seed, IReadOnlyList<double> LabelFractions)
{
    public double TrainFraction => 1 - ValFraction - TestFraction;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Role == CohortRole.Ad && TestFraction != 0)
            problems.Add($"test_fraction must be 0 for an AD cohort (role ad: train/val only), got {TestFraction}");
        if (TrainFraction <= 0)
            problems.Add($"val_fraction + test_fraction must leave a training part, got {ValFraction} + {TestFraction}");
        if (KFolds == 1) problems.Add("preprocess.k_folds must be 0 (off) or at least 2, got 1");
        if (Role == CohortRole.Bt && LabelFractions.Count == 0)
            problems.Add("preprocess_bt.label_fractions must list at least one fraction");
        if (LabelFractions.Distinct().Count() != LabelFractions.Count)
            problems.Add($"preprocess_bt.label_fractions must not repeat a value, got [{string.Join(", ", LabelFractions)}]");
        return problems;
    }
}
