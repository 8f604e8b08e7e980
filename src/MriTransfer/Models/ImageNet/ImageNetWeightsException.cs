using Pipeline.Errors;

namespace MriTransfer.Models.ImageNet;

/// <summary>The pretrained ResNet-18 file is missing, altered, or not the graph the import expects.</summary>
public sealed class ImageNetWeightsException(string message) : InputException(message);
