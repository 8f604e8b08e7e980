using MriTransfer.Imaging;
using Pipeline.Errors;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MriTransfer.Models;

/// <summary>
/// A trained "encoder-classifier" folder (TrainHead, FineTune, TrainScratch) as an <see cref="ISubjectClassifier"/>:
/// softmax of the logits; in 2-D mode the mean over the subject's K slices.
/// </summary>
public sealed class EncoderClassifierPredictor : ISubjectClassifier
{
    public const string Kind = "encoder-classifier";

    private readonly EncoderClassifier _model;
    private readonly int[] _inputShape;

    private EncoderClassifierPredictor(EncoderClassifier model, IReadOnlyList<string> classes, int[] inputShape)
    {
        _model = model;
        Classes = classes;
        _inputShape = inputShape;
    }

    string ISubjectClassifier.Kind => Kind;
    public IReadOnlyList<string> Classes { get; }

    public static EncoderClassifierPredictor Load(string modelDir)
    {
        var description = ModelFiles.ReadJson(Path.Combine(modelDir, "model.json"));
        var architecture = EncoderArchitecture.FromJson(description["architecture"]!);
        var head = ClassifierHeadSpec.FromJson(description["head"]!);
        var classes = description["classes"]!.AsArray().Select(c => (string)c!).ToList();
        var shape = description["input_shape"]!.AsArray().Select(n => (int)n!).ToArray();
        var model = new EncoderClassifier(architecture, head, ReadoutSpec.FromJson(description["readout"]));
        ModelFiles.Load(model, Path.Combine(modelDir, "model.pt"));
        model.eval();
        return new EncoderClassifierPredictor(model, classes, shape);
    }

    public float[] PredictProbabilities(Volume subject)
    {
        if (!subject.Shape.SequenceEqual(_inputShape))
            throw new InputException($"volume of shape {string.Join("×", subject.Shape)} given to a classifier trained on {string.Join("×", _inputShape)}");
        var dims = _model.Architecture.SpatialDims;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var batch = VolumeTensors.Batch(VolumeTensors.Samples(subject, dims), VolumeTensors.SampleShape(subject.Shape, dims));
        return F.softmax(_model.forward(batch), 1).mean([0L]).data<float>().ToArray();
    }

    public void Dispose() => _model.Dispose();
}
