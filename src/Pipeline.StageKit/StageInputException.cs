namespace Pipeline.StageKit;

/// <summary>
/// A problem with the user's input or usage (exit code 2, message only, no stack trace).
/// Anything else thrown by a stage is a bug (exit code 1, with stack trace).
/// </summary>
public class StageInputException(string message) : Exception(message)
{
    /// <summary>Several problems found together (e.g. every bad row of a manifest).</summary>
    public StageInputException(IEnumerable<string> problems)
        : this(string.Join(Environment.NewLine, problems)) { }
}
