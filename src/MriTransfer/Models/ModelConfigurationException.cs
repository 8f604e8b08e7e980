namespace MriTransfer.Models;

/// <summary>
/// A model hyperparameter, input shape or checkpoint that does not fit the architecture: a user error
/// (stages translate it to exit code 2), with a message naming what was given and what would work.
/// </summary>
public sealed class ModelConfigurationException(string message) : Exception(message)
{
    public ModelConfigurationException(IEnumerable<string> problems)
        : this(string.Join(Environment.NewLine, problems)) { }
}
