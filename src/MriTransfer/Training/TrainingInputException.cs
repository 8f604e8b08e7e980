using Pipeline.Errors;

namespace MriTransfer.Training;

/// <summary>
/// Bad training input, e.g. an empty class in the training subset, a split without subjects, or a loss that diverged.
/// </summary>
public class TrainingInputException : InputException
{
    public TrainingInputException(string message) : base(message) { }

    public TrainingInputException(IEnumerable<string> problems) : base(problems) { }
}

/// <summary>The loss became NaN or infinite; names the epoch and batch and where the last good checkpoint is.</summary>
public sealed class TrainingDivergedException(string message) : TrainingInputException(message);
