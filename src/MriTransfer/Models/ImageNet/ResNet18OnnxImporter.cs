using TorchSharp;
using static TorchSharp.torch;

namespace MriTransfer.Models.ImageNet;

/// <summary>
/// Loads the CNTK ImageNet ResNet-18 ONNX graph into a <see cref="ResNet18Backbone"/>: follows the graph's
/// Conv → BatchNormalization pairs in node order, checks each against the module's layer (kernel, stride,
/// pads, group, dilation, epsilon, weight shapes) and copies conv weights, BN scale/bias/mean/variance.
/// Any mismatch is an <see cref="ImageNetWeightsException"/> naming the node: the file is not the graph
/// this import was written for.
/// </summary>
public static class ResNet18OnnxImporter
{
    private static readonly HashSet<string> KnownOps = ["Conv", "BatchNormalization", "Relu", "Add", "MaxPool", "AveragePool"];

    /// <summary>A backbone with the package's ImageNet weights (file verified by SHA-256 first).</summary>
    public static ResNet18Backbone LoadPretrained(string? onnxPath = null)
    {
        var path = ResNet18Package.VerifiedModel(onnxPath);
        var backbone = new ResNet18Backbone();
        Load(OnnxModelReader.ReadGraph(path), backbone, path);
        return backbone;
    }

    public static void Load(OnnxGraph graph, ResNet18Backbone backbone, string source)
    {
        var problems = new List<string>();
        foreach (var node in graph.Nodes.Where(n => !KnownOps.Contains(n.OpType)))
            problems.Add($"node {node.Name}: unexpected operator {node.OpType}");
        var pairs = ConvBnPairs(graph, problems);
        var layers = backbone.LayersInGraphOrder().ToList();
        if (pairs.Count != layers.Count)
            problems.Add($"the graph has {pairs.Count} Conv→BatchNormalization pairs; ResNet-18 has {layers.Count}");
        if (problems.Count == 0)
            for (var i = 0; i < layers.Count; i++)
                Check(pairs[i].Conv, pairs[i].Norm, layers[i], graph, problems);
        if (problems.Count > 0)
            throw new ImageNetWeightsException($"{source}: not the expected CNTK ResNet-18 graph:{Environment.NewLine}  " +
                                               string.Join(Environment.NewLine + "  ", problems));
        using var noGrad = no_grad();
        for (var i = 0; i < layers.Count; i++) Copy(pairs[i].Conv, pairs[i].Norm, layers[i], graph);
    }

    private static List<(OnnxNode Conv, OnnxNode Norm)> ConvBnPairs(OnnxGraph graph, List<string> problems)
    {
        var consumers = graph.Nodes.SelectMany(n => n.Inputs.Select(input => (input, n)))
            .ToLookup(p => p.input, p => p.n, StringComparer.Ordinal);
        var pairs = new List<(OnnxNode, OnnxNode)>();
        foreach (var conv in graph.Nodes.Where(n => n.OpType == "Conv"))
        {
            var norm = consumers[conv.Outputs[0]].SingleOrDefault(n => n.OpType == "BatchNormalization" && n.Inputs[0] == conv.Outputs[0]);
            if (norm is null) problems.Add($"Conv node {conv.Name}: its output {conv.Outputs[0]} does not feed a BatchNormalization");
            else pairs.Add((conv, norm));
        }
        return pairs;
    }

    private static void Check(OnnxNode conv, OnnxNode norm, ConvBn layer, OnnxGraph graph, List<string> problems)
    {
        void Expect(bool ok, string what) { if (!ok) problems.Add($"node {conv.Name}→{norm.Name} (layer {layer.GetName()}): {what}"); }
        var k = layer.KernelSize;
        Expect(conv.Inputs.Count == 2, $"Conv has {conv.Inputs.Count} inputs; expected data and weight only (no bias)");
        Expect(conv.Ints("kernel_shape").SequenceEqual(new long[] { k, k }), $"kernel_shape [{string.Join(",", conv.Ints("kernel_shape"))}], expected [{k},{k}]");
        Expect(conv.Ints("strides").SequenceEqual(new long[] { layer.Stride, layer.Stride }), $"strides [{string.Join(",", conv.Ints("strides"))}], expected [{layer.Stride},{layer.Stride}]");
        long[] pads = [layer.PadBegin, layer.PadBegin, layer.PadEnd, layer.PadEnd];
        Expect(conv.Ints("pads").SequenceEqual(pads), $"pads [{string.Join(",", conv.Ints("pads"))}], expected [{string.Join(",", pads)}]");
        Expect(conv.IntOr("group", 1) == 1, "group is not 1");
        Expect(!conv.Attributes.ContainsKey("dilations") || conv.Ints("dilations").All(d => d == 1), "dilations are not 1");
        Expect(Math.Abs(norm.Float("epsilon") - ConvBn.Epsilon) < 1e-9, $"epsilon {norm.Float("epsilon")}, expected {ConvBn.Epsilon}");
        Expect(norm.IntOr("spatial", 1) == 1, "BatchNormalization is not spatial");
        long[] weightShape = [layer.OutChannels, layer.InChannels, k, k];
        ExpectTensor(graph, conv.Inputs[1], weightShape, Expect);
        if (norm.Inputs.Count != 5) { Expect(false, $"BatchNormalization has {norm.Inputs.Count} inputs, expected 5"); return; }
        for (var i = 1; i < 5; i++) ExpectTensor(graph, norm.Inputs[i], [layer.OutChannels], Expect);
    }

    private static void ExpectTensor(OnnxGraph graph, string name, long[] dims, Action<bool, string> expect)
    {
        if (!graph.Initializers.TryGetValue(name, out var t)) { expect(false, $"initializer {name} is missing"); return; }
        expect(t.DataType == OnnxTensor.FloatType, $"initializer {name} has data type {t.DataType}, expected 1 (float)");
        expect(t.Dims.SequenceEqual(dims), $"initializer {name} has shape [{string.Join(",", t.Dims)}], expected [{string.Join(",", dims)}]");
        expect(t.Data.LongLength == t.ElementCount, $"initializer {name} holds {t.Data.LongLength} values for shape [{string.Join(",", t.Dims)}]");
    }

    private static void Copy(OnnxNode conv, OnnxNode norm, ConvBn layer, OnnxGraph graph)
    {
        Tensor From(string name) { var t = graph.Initializers[name]; return tensor(t.Data, t.Dims); }
        using (var w = From(conv.Inputs[1])) layer.Conv.weight!.copy_(w);
        using (var scale = From(norm.Inputs[1])) layer.Norm.weight!.copy_(scale);
        using (var bias = From(norm.Inputs[2])) layer.Norm.bias!.copy_(bias);
        using (var mean = From(norm.Inputs[3])) layer.Norm.running_mean!.copy_(mean);
        using (var variance = From(norm.Inputs[4])) layer.Norm.running_var!.copy_(variance);
    }
}
