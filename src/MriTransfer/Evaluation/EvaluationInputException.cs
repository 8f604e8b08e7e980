using Pipeline.Errors;

namespace MriTransfer.Evaluation;

/// <summary>Bad evaluation inputs (a missing split, a classifier whose classes differ from the cohort's, ...).</summary>
public sealed class EvaluationInputException : InputException
{
    public EvaluationInputException(string message) : base(message) { }

    public EvaluationInputException(IEnumerable<string> problems) : base(problems) { }
}
