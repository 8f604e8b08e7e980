namespace MriTransfer.Preprocessing;

/// <summary>
/// Input that preprocessing cannot handle (singular affine, 4-D volume, 2-D image in 3-D mode, ...).
/// The message names what was wrong and what was expected; stages translate it into a bad-input exit.
/// </summary>
public class PreprocessingException : Exception
{
    public PreprocessingException(string message) : base(message) => Problems = [message];

    /// <summary>Several problems found together (e.g. every bad subject of a cohort).</summary>
    public PreprocessingException(IReadOnlyList<string> problems) : base(string.Join(Environment.NewLine, problems)) =>
        Problems = problems;

    public IReadOnlyList<string> Problems { get; }
}
