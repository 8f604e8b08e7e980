namespace MriTransfer.Training;

/// <summary>
/// Bad training input or params (a user error: stages translate it to exit code 2), e.g. an empty class in the
/// training subset, a params value out of range, or a loss that diverged.
/// </summary>
public class TrainingInputException(string message) : Exception(message)
{
    public TrainingInputException(IEnumerable<string> problems) : this(string.Join(Environment.NewLine, problems)) { }
}

/// <summary>The loss became NaN or infinite; names the epoch and batch and where the last good checkpoint is.</summary>
public sealed class TrainingDivergedException(string message) : TrainingInputException(message);
