namespace Pipeline.StageKit;

/// <summary>
/// The stage binds params that its resolved file does not hold, or holds as another type: a bug in build/ (the stage's
/// .Params(...) or the schema), not in the user's params.yaml, which the engine validated. Exit code 1, with the trace.
/// </summary>
public sealed class StageParamsException(string file, IReadOnlyList<string> problems, IReadOnlyList<string> declared)
    : Exception($"{file}: {string.Join(Environment.NewLine + file + ": ", problems)}{Environment.NewLine}(declared for this stage: {string.Join(", ", declared)})")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
