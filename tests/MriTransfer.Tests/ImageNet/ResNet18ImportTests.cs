using MriTransfer.Models.ImageNet;
using static TorchSharp.torch;

namespace MriTransfer.Tests.ImageNet;

public class ResNet18ImportTests(ResNet18Fixture fixture) : IClassFixture<ResNet18Fixture>
{
    [Fact]
    public void A_graph_with_different_pads_is_rejected_naming_the_node()
    {
        // Given the package graph with the stem convolution's pads made symmetric
        var stem = fixture.Graph.Nodes[0];
        var pads = new OnnxAttribute("pads", null, null, null, [3, 3, 3, 3]);
        var changed = stem with { Attributes = new Dictionary<string, OnnxAttribute>(stem.Attributes) { ["pads"] = pads } };
        var graph = fixture.Graph with { Nodes = [changed, .. fixture.Graph.Nodes.Skip(1)] };

        // When it is loaded, Then the error names the node and both pad lists
        using var backbone = new ResNet18Backbone();
        var error = Assert.Throws<ImageNetWeightsException>(() => ResNet18OnnxImporter.Load(graph, backbone, "test.onnx"));
        Assert.Contains(stem.Name, error.Message);
        Assert.Contains("pads [3,3,3,3], expected [3,3,2,2]", error.Message);
    }

    [Fact]
    public void A_graph_missing_a_block_is_rejected()
    {
        // Given the package graph without its last Conv node
        var lastConv = fixture.Graph.Nodes.Last(n => n.OpType == "Conv");
        var graph = fixture.Graph with { Nodes = fixture.Graph.Nodes.Where(n => n != lastConv).ToList() };

        // When it is loaded, Then the error counts the convolution pairs
        using var backbone = new ResNet18Backbone();
        var error = Assert.Throws<ImageNetWeightsException>(() => ResNet18OnnxImporter.Load(graph, backbone, "test.onnx"));
        Assert.Contains("21 Conv→BatchNormalization pairs; ResNet-18 has 22", error.Message);
    }

    [Fact]
    public void Imported_batch_norm_statistics_equal_the_initializers()
    {
        // Given the loaded backbone, When the stem's BN running variance is compared with its initializer
        var bnNode = fixture.Graph.Nodes[1];
        var expected = fixture.Graph.Initializers[bnNode.Inputs[4]].Data;
        var actual = fixture.Backbone.state_dict()["stem.bn.running_var"].data<float>().ToArray();

        // Then they are equal
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Checkpoint_keys_of_the_slice_classifier_are_pinned()
    {
        // Given a slice classifier, When its state dict is listed
        using var net = new ResNetSliceNet(new ResNet18Backbone(), 2);
        var keys = net.state_dict().Keys.ToList();

        // Then the names stay what saved model.pt files use
        Assert.Contains("backbone.stem.conv.weight", keys);
        Assert.Contains("backbone.layer1.0.conv1.bn.running_mean", keys);
        Assert.Contains("backbone.layer2.0.downsample.conv.weight", keys);
        Assert.Contains("backbone.layer4.2.conv2.bn.num_batches_tracked", keys);
        Assert.Contains("head.weight", keys);
        Assert.Contains("head.bias", keys);
        Assert.Equal(22 * 6 + 2, keys.Count);
    }

    [Fact]
    public void The_pipelines_mean_is_the_channel_average_of_the_package_mean_image()
    {
        // Given the package's preprocessing graph (verified by its own pinned hash)
        var path = ResNet18Package.Verified(ResNet18Package.DefaultPreprocessPath, ResNet18Package.PreprocessSha256);
        var graph = OnnxModelReader.ReadGraph(path);

        // When its operators and mean image are read
        var mean = graph.Initializers["MeanImage"];

        // Then it reorders RGB to BGR and subtracts a 3×224×224 mean without scaling, whose channel averages are ours
        Assert.Equal(new[] { "Split", "Concat", "Sub" }, graph.Nodes.Select(n => n.OpType));
        Assert.Equal(new[] { "BInp", "GInp", "RInp" }, graph.Nodes[1].Inputs);
        Assert.Equal(new long[] { 1, 3, 224, 224 }, mean.Dims);
        for (var c = 0; c < 3; c++)
            Assert.Equal(CntkImageNetInput.MeanBgr[c], mean.Data.Skip(c * 224 * 224).Take(224 * 224).Average(), 3);
    }

    [Fact]
    public void The_network_input_is_bgr_on_the_255_scale_minus_the_mean()
    {
        using var scope = NewDisposeScope();
        var rgb = tensor(new[] { 1f, 0f, 0.5f }, [1, 3, 1, 1]);
        var input = CntkImageNetInput.FromRgb01(rgb).data<float>().ToArray();
        Assert.Equal(127.5f - CntkImageNetInput.MeanBgr[0], input[0], 3);
        Assert.Equal(0f - CntkImageNetInput.MeanBgr[1], input[1], 3);
        Assert.Equal(255f - CntkImageNetInput.MeanBgr[2], input[2], 3);
    }
}
