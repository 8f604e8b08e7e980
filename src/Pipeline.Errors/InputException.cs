namespace Pipeline.Errors;

/// <summary>
/// Bad input that a user can fix: a file, a field or a value that is not what the pipeline expects. The message names
/// the file, the field and what was expected. A stage host turns it into exit code 2 and prints the message without a
/// stack trace; anything else a stage throws is a bug (exit code 1, with the trace). Every input error of the domain
/// library (images, cohorts, preprocessing, splits, models, training, evaluation, reports) derives from it.
/// </summary>
public class InputException : Exception
{
    public InputException(string message, Exception? inner = null) : base(message, inner) => Problems = [message];

    /// <summary>Several problems found together (e.g. every bad row of a manifest), one per line.</summary>
    public InputException(IEnumerable<string> problems) : this(problems.ToList()) { }

    /// <summary>A message of its own (e.g. a heading) over the problems it lists.</summary>
    protected InputException(string message, IReadOnlyList<string> problems, Exception? inner = null) : base(message, inner) =>
        Problems = problems;

    private InputException(List<string> problems) : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Every problem, one per entry.</summary>
    public IReadOnlyList<string> Problems { get; }
}
