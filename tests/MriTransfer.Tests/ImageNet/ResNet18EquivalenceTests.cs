using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MriTransfer.Models.ImageNet;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace MriTransfer.Tests.ImageNet;

/// <summary>The imported TorchSharp ResNet-18 computes what ONNX Runtime computes on the original file.</summary>
public class ResNet18EquivalenceTests(ResNet18Fixture fixture, ITestOutputHelper output) : IClassFixture<ResNet18Fixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Features_match_onnx_runtime_on_random_images(int seed)
    {
        // Given a random RGB image in [0,1] turned into the network input
        using var scope = NewDisposeScope();
        var generator = new Generator().manual_seed(seed);
        var input = CntkImageNetInput.FromRgb01(rand([1, 3, 224, 224], generator: generator));

        // When the TorchSharp backbone and ONNX Runtime both compute the 512-d features
        float[] torchFeatures;
        using (no_grad()) torchFeatures = fixture.Backbone.forward(input).data<float>().ToArray();
        var onnxFeatures = RunOnnx(fixture.ModelPath, input.data<float>().ToArray());

        // Then they agree to 1e-4 (max abs)
        Assert.Equal(512, torchFeatures.Length);
        Assert.Equal(512, onnxFeatures.Length);
        var maxAbs = torchFeatures.Zip(onnxFeatures, (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"max |torch - onnxruntime| = {maxAbs:E3} (feature range {onnxFeatures.Min():F3}..{onnxFeatures.Max():F3})");
        Assert.True(maxAbs < 1e-4, $"max abs difference {maxAbs}");
        Assert.True(onnxFeatures.Max() > 0.1, "features are not all near zero");
    }

    private static float[] RunOnnx(string modelPath, float[] input)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(modelPath, options);
        var name = session.InputMetadata.Keys.Single();
        var tensor = new DenseTensor<float>(input, [1, 3, 224, 224]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(name, tensor)]);
        return results.Single().AsEnumerable<float>().ToArray();
    }
}
