namespace MriTransfer.Models.ImageNet;

/// <summary>Invalid imagenet.* settings or inputs of the ImageNet variants; every problem found, one per line.</summary>
public sealed class ImageNetSettingsException(IEnumerable<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public ImageNetSettingsException(string problem) : this([problem]) { }
}
