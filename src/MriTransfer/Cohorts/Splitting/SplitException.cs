using Pipeline.Errors;

namespace MriTransfer.Cohorts.Splitting;

/// <summary>A cohort that cannot be split as asked (too few subjects/patients, a patient across predefined splits...).</summary>
public sealed class SplitException(IReadOnlyList<string> problems) : InputException(problems);
