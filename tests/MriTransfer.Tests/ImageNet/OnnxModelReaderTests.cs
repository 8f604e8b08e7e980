using MriTransfer.Models.ImageNet;

namespace MriTransfer.Tests.ImageNet;

public class OnnxModelReaderTests(ResNet18Fixture fixture) : IClassFixture<ResNet18Fixture>
{
    [Fact]
    public void The_package_graph_has_the_documented_nodes_initializers_input_and_output()
    {
        // Given the ResNet-18 file of the package, When it is read
        var graph = fixture.Graph;

        // Then it has 74 nodes of the six expected operators, 110 float initializers, one input and the pooled output
        Assert.Equal(74, graph.Nodes.Count);
        Assert.Equal(
            new[] { "Add", "AveragePool", "BatchNormalization", "Conv", "MaxPool", "Relu" },
            graph.Nodes.Select(n => n.OpType).Distinct().Order());
        Assert.Equal(110, graph.Initializers.Count);
        Assert.All(graph.Initializers.Values, t => Assert.Equal(t.ElementCount, t.Data.LongLength));
        Assert.Equal("Input247", Assert.Single(graph.Inputs, i => !graph.Initializers.ContainsKey(i)));
        Assert.Equal(graph.Nodes[^1].Outputs[0], Assert.Single(graph.Outputs));
    }

    [Fact]
    public void The_stem_convolution_reads_with_its_attributes_and_weights()
    {
        // Given the graph, When its first node is inspected
        var stem = fixture.Graph.Nodes[0];

        // Then it is the 7×7/2 convolution with CNTK's asymmetric pads and a 64×3×7×7 weight
        Assert.Equal("Conv", stem.OpType);
        Assert.Equal(new long[] { 7, 7 }, stem.Ints("kernel_shape"));
        Assert.Equal(new long[] { 2, 2 }, stem.Ints("strides"));
        Assert.Equal(new long[] { 3, 3, 2, 2 }, stem.Ints("pads"));
        Assert.Equal(new long[] { 64, 3, 7, 7 }, fixture.Graph.Initializers[stem.Inputs[1]].Dims);
    }

    [Fact]
    public void A_file_that_is_not_protobuf_is_rejected_with_its_path()
    {
        // Given a file of text
        var path = Path.Combine(Path.GetTempPath(), $"not-onnx-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(path, "this is not an ONNX model\n\xff\xff\xff");
        try
        {
            // When it is read, Then the error names the file
            var error = Assert.Throws<InvalidDataException>(() => OnnxModelReader.ReadGraph(path));
            Assert.Contains(path, error.Message);
        }
        finally { File.Delete(path); }
    }
}
