namespace MriTransfer.Cohorts.Splitting;

/// <summary>
/// One row of splits.csv: where a subject went. <see cref="GroupId"/> names the unit that was kept together
/// (its patient, merged with any near-duplicate group), as the smallest subject id in it.
/// </summary>
public sealed record SplitAssignment(string SubjectId, string PatientId, string Label, string Split, int? Fold, string GroupId);

public static class SplitNames
{
    public const string Train = "train", Val = "val", Test = "test";
}
