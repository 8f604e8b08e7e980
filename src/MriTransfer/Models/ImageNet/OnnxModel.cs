namespace MriTransfer.Models.ImageNet;

/// <summary>The parts of an ONNX graph the ResNet import needs: nodes in file order, float initializers, graph inputs/outputs.</summary>
public sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyDictionary<string, OnnxTensor> Initializers,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs);

/// <summary>One ONNX NodeProto: an operator with named inputs, outputs and attributes.</summary>
public sealed record OnnxNode(
    string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, OnnxAttribute> Attributes)
{
    public long[] Ints(string name) =>
        Attributes.TryGetValue(name, out var a) ? a.Ints.ToArray()
            : throw new InvalidDataException($"ONNX node {Name} ({OpType}) has no attribute '{name}'");

    public float Float(string name) =>
        Attributes.TryGetValue(name, out var a) && a.Float is { } f ? f
            : throw new InvalidDataException($"ONNX node {Name} ({OpType}) has no float attribute '{name}'");

    public long IntOr(string name, long fallback) => Attributes.TryGetValue(name, out var a) && a.Int is { } i ? i : fallback;
}

/// <summary>One ONNX AttributeProto, keeping the scalar and list fields the import reads.</summary>
public sealed record OnnxAttribute(string Name, long? Int, float? Float, string? String, IReadOnlyList<long> Ints);

/// <summary>One ONNX TensorProto holding float32 data (from float_data or raw_data).</summary>
public sealed record OnnxTensor(string Name, long[] Dims, int DataType, float[] Data)
{
    public const int FloatType = 1;
    public long ElementCount => Dims.Aggregate(1L, (a, d) => a * d);
}
