using MriTransfer.Models.ImageNet;
using static TorchSharp.torch;

namespace MriTransfer.Tests.ImageNet;

public class ImageNetBadInputTests
{
    [Fact]
    public void A_missing_model_file_says_how_to_restore_it()
    {
        // Given a path where no model file is
        var path = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}", "ResNet18.onnx");

        // When the pretrained backbone is loaded from it, Then the error names the file and the restore steps
        var error = Assert.Throws<ImageNetWeightsException>(() => ResNet18OnnxImporter.LoadPretrained(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("missing", error.Message);
        Assert.Contains("dotnet restore", error.Message);
    }

    [Fact]
    public void An_altered_model_file_fails_the_pinned_hash()
    {
        // Given a copy of the package's model with one byte changed
        var path = Path.Combine(Path.GetTempPath(), $"altered-{Guid.NewGuid():N}.onnx");
        File.Copy(ResNet18Package.DefaultModelPath, path);
        try
        {
            using (var file = File.Open(path, FileMode.Open))
            {
                file.Position = 1_000_000;
                var b = file.ReadByte();
                file.Position = 1_000_000;
                file.WriteByte((byte)(b ^ 0x01));
            }

            // When it is loaded, Then the SHA-256 check refuses it and says what to do
            var error = Assert.Throws<ImageNetWeightsException>(() => ResNet18OnnxImporter.LoadPretrained(path));
            Assert.Contains(ResNet18Package.ModelSha256, error.Message);
            Assert.Contains("altered", error.Message);
            Assert.Contains("~/.nuget/packages/microsoft.ml.dnnimagefeaturizer.resnet18/0.23.1", error.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Images_too_small_for_the_backbone_are_rejected_before_any_convolution()
    {
        using var scope = NewDisposeScope();
        using var backbone = new ResNet18Backbone();
        var error = Assert.Throws<ArgumentException>(() => backbone.forward(zeros(1, 3, 31, 31)));
        Assert.Contains("31×31", error.Message);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(112)]
    public void Any_allowed_image_size_gives_512_features_with_aligned_residual_branches(int size)
    {
        // Given sizes whose feature maps become odd inside the network (112 → 7 px before the last stage)
        using var scope = NewDisposeScope();
        using var backbone = new ResNet18Backbone();
        backbone.eval();

        // When images of that size pass through, Then each gives 512 features
        Assert.Equal(new long[] { 2, 512 }, backbone.forward(zeros(2, 3, size, size)).shape);
    }
}
