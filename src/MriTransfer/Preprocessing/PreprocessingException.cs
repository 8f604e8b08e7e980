using Pipeline.Errors;

namespace MriTransfer.Preprocessing;

/// <summary>
/// Input that preprocessing cannot handle (singular affine, 2-D image in 3-D mode, an empty image, ...).
/// The message names what was wrong and what was expected.
/// </summary>
public class PreprocessingException : InputException
{
    public PreprocessingException(string message) : base(message) { }

    /// <summary>Several problems found together (e.g. every bad subject of a cohort).</summary>
    public PreprocessingException(IReadOnlyList<string> problems) : base(problems) { }
}
