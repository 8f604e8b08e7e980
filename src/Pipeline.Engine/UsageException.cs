namespace Pipeline.Engine;

/// <summary>Bad usage or bad input (exit code 2): every problem is printed as one line, never a stack trace.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string problem) : this([problem]) { }

    public UsageException(IReadOnlyList<string> problems) : base(string.Join(Environment.NewLine, problems)) =>
        Problems = problems;

    public IReadOnlyList<string> Problems { get; }
}
