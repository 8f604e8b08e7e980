using Pipeline.Errors;

namespace MriTransfer.Models;

/// <summary>
/// A model hyperparameter, input shape or checkpoint that does not fit the architecture, with a message naming what
/// was given and what would work.
/// </summary>
public sealed class ModelConfigurationException : InputException
{
    public ModelConfigurationException(string message) : base(message) { }

    public ModelConfigurationException(IEnumerable<string> problems) : base(problems) { }
}
