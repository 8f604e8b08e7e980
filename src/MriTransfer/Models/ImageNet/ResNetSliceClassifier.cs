using MriTransfer.Imaging;
using Pipeline.Errors;
using static TorchSharp.torch;

namespace MriTransfer.Models.ImageNet;

/// <summary>
/// A trained "resnet18-slices" classifier (ImageNetHead / ImageNetFineTune output): a subject's probabilities
/// are the mean of its slices' softmax probabilities. Needs only model.json and model.pt (not the ONNX file).
/// </summary>
public sealed class ResNetSliceClassifier : ISubjectClassifier
{
    private readonly ResNetSliceNet net;
    private readonly ResNetSliceModelInfo info;

    private ResNetSliceClassifier(ResNetSliceNet net, ResNetSliceModelInfo info)
    {
        this.net = net;
        this.info = info;
    }

    public string Kind => ResNetSliceModelInfo.KindName;
    public IReadOnlyList<string> Classes => info.Classes;
    public ResNetSliceModelInfo Info => info;

    public static ISubjectClassifier Load(string modelDir) => LoadTyped(modelDir);

    public static ResNetSliceClassifier LoadTyped(string modelDir)
    {
        var info = ResNetSliceModelInfo.Read(Path.Combine(modelDir, "model.json"));
        var weights = Path.Combine(modelDir, "model.pt");
        if (!File.Exists(weights))
            throw new InputException($"{weights}: missing; the classifier folder {modelDir} is incomplete");
        var net = new ResNetSliceNet(new ResNet18Backbone(), info.Classes.Count);
        net.load(weights, strict: true);
        net.eval();
        return new ResNetSliceClassifier(net, info);
    }

    public float[] PredictProbabilities(Volume subject)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = SliceImages.FromVolume(subject, info.CohortMode, info.Sampling);
        return SubjectProbabilities(net, images);
    }

    /// <summary>Mean over the subject's slices of the softmax probabilities, in batches of at most 32 slices.</summary>
    internal static float[] SubjectProbabilities(ResNetSliceNet net, Tensor images)
    {
        using var scope = NewDisposeScope();
        var sum = zeros(net.Head.weight!.shape[0]);
        for (long start = 0; start < images.shape[0]; start += 32)
        {
            var batch = images.narrow(0, start, Math.Min(32, images.shape[0] - start));
            sum = sum.add(nn.functional.softmax(net.forward(batch), 1).sum(dim: 0));
        }
        return sum.div(images.shape[0]).data<float>().ToArray();
    }

    public void Dispose() => net.Dispose();
}
