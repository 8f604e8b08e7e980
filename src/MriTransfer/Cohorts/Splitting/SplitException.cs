namespace MriTransfer.Cohorts.Splitting;

/// <summary>A cohort that cannot be split as asked (too few subjects/patients, a patient across predefined splits...).</summary>
public sealed class SplitException : Exception
{
    public SplitException(IReadOnlyList<string> problems) : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    public IReadOnlyList<string> Problems { get; }
}
