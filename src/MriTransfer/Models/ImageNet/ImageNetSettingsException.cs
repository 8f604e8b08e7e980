using Pipeline.Errors;

namespace MriTransfer.Models.ImageNet;

/// <summary>Invalid imagenet.* settings or inputs of the ImageNet variants; every problem found, one per line.</summary>
public sealed class ImageNetSettingsException : InputException
{
    public ImageNetSettingsException(IEnumerable<string> problems) : base(problems) { }

    public ImageNetSettingsException(string problem) : base(problem) { }
}
