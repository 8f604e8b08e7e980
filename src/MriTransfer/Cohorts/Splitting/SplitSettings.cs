namespace MriTransfer.Cohorts.Splitting;

/// <summary>What a cohort is used for: AD is split train/val only; BT train/val/test with label fractions.</summary>
public enum CohortRole
{
    Ad,
    Bt,
}

/// <summary>How a cohort is split into train/val(/test), optionally into k folds, and into nested label fractions.</summary>
public sealed record SplitSettings
{
    public CohortRole Role { get; init; } = CohortRole.Bt;
    public double ValFraction { get; init; } = 0.15;
    /// <summary>0 for the AD role.</summary>
    public double TestFraction { get; init; } = 0.15;
    /// <summary>0 = no folds; k ≥ 2 deals the non-test patients into k stratified folds and fold 0 becomes val.</summary>
    public int KFolds { get; init; }
    public int Seed { get; init; } = 42;
    /// <summary>BT only: nested label fractions of the training subjects, each in (0, 1].</summary>
    public IReadOnlyList<double> LabelFractions { get; init; } = [0.1, 0.25, 0.5, 1.0];

    public double TrainFraction => 1 - ValFraction - TestFraction;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(ValFraction is > 0 and < 1)) problems.Add($"val_fraction must be in (0, 1), got {ValFraction}");
        if (Role == CohortRole.Ad && TestFraction != 0)
            problems.Add($"test_fraction must be 0 for an AD cohort (role ad: train/val only), got {TestFraction}");
        if (Role == CohortRole.Bt && !(TestFraction is > 0 and < 1))
            problems.Add($"test_fraction must be in (0, 1) for a BT cohort (role bt), got {TestFraction}");
        if (TrainFraction <= 0)
            problems.Add($"val_fraction + test_fraction must leave a training part, got {ValFraction} + {TestFraction}");
        if (KFolds is 1 or < 0 or > 50) problems.Add($"k_folds must be 0 (off) or in [2, 50], got {KFolds}");
        if (Role == CohortRole.Bt)
        {
            if (LabelFractions.Count == 0 || LabelFractions.Any(f => !(f is > 0 and <= 1)))
                problems.Add($"label_fractions must be a non-empty list of numbers in (0, 1], got [{string.Join(", ", LabelFractions)}]");
            if (LabelFractions.Distinct().Count() != LabelFractions.Count)
                problems.Add($"label_fractions must not repeat a value, got [{string.Join(", ", LabelFractions)}]");
        }
        return problems;
    }
}
