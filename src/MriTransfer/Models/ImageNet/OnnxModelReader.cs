using System.Buffers.Binary;
using Google.Protobuf;

namespace MriTransfer.Models.ImageNet;

/// <summary>
/// Reads an ONNX model's graph with Google.Protobuf's low-level <see cref="CodedInputStream"/>, by the field
/// numbers of onnx.proto (no generated classes): ModelProto.graph = 7; GraphProto node = 1, name = 2,
/// initializer = 5, input = 11, output = 12; NodeProto input = 1, output = 2, name = 3, op_type = 4,
/// attribute = 5; AttributeProto name = 1, f = 2, i = 3, s = 4, ints = 8; TensorProto dims = 1,
/// data_type = 2, float_data = 4, name = 8, raw_data = 9; ValueInfoProto name = 1. Unknown fields are skipped.
/// </summary>
public static class OnnxModelReader
{
    public static OnnxGraph ReadGraph(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            var model = new CodedInputStream(bytes);
            ByteString? graph = null;
            uint tag;
            while ((tag = model.ReadTag()) != 0)
                if (WireFormat.GetTagFieldNumber(tag) == 7) graph = model.ReadBytes();
                else model.SkipLastField();
            return graph is null
                ? throw new InvalidDataException($"{path}: not an ONNX model (no ModelProto.graph, field 7)")
                : ReadGraph(graph);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"{path}: not a readable ONNX protobuf ({e.Message})", e);
        }
    }

    private static OnnxGraph ReadGraph(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        string name = "";
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        List<string> inputs = [], outputs = [];
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: nodes.Add(ReadNode(input.ReadBytes())); break;
                case 2: name = input.ReadString(); break;
                case 5:
                    var tensor = ReadTensor(input.ReadBytes());
                    initializers[tensor.Name] = tensor;
                    break;
                case 11: inputs.Add(ReadValueInfoName(input.ReadBytes())); break;
                case 12: outputs.Add(ReadValueInfoName(input.ReadBytes())); break;
                default: input.SkipLastField(); break;
            }
        }
        return new OnnxGraph(name, nodes, initializers, inputs, outputs);
    }

    private static OnnxNode ReadNode(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        string name = "", opType = "";
        List<string> inputs = [], outputs = [];
        var attributes = new Dictionary<string, OnnxAttribute>(StringComparer.Ordinal);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: inputs.Add(input.ReadString()); break;
                case 2: outputs.Add(input.ReadString()); break;
                case 3: name = input.ReadString(); break;
                case 4: opType = input.ReadString(); break;
                case 5:
                    var attribute = ReadAttribute(input.ReadBytes());
                    attributes[attribute.Name] = attribute;
                    break;
                default: input.SkipLastField(); break;
            }
        }
        return new OnnxNode(name, opType, inputs, outputs, attributes);
    }

    private static OnnxAttribute ReadAttribute(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        string name = "";
        long? i = null;
        float? f = null;
        string? s = null;
        var ints = new List<long>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: name = input.ReadString(); break;
                case 2: f = input.ReadFloat(); break;
                case 3: i = input.ReadInt64(); break;
                case 4: s = input.ReadBytes().ToStringUtf8(); break;
                case 8: ReadInt64s(input, tag, ints); break;
                default: input.SkipLastField(); break;
            }
        }
        return new OnnxAttribute(name, i, f, s, ints);
    }

    private static OnnxTensor ReadTensor(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        string name = "";
        var dims = new List<long>();
        int dataType = 0;
        var floats = new List<float>();
        ByteString? raw = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: ReadInt64s(input, tag, dims); break;
                case 2: dataType = input.ReadInt32(); break;
                case 4: ReadFloats(input, tag, floats); break;
                case 8: name = input.ReadString(); break;
                case 9: raw = input.ReadBytes(); break;
                default: input.SkipLastField(); break;
            }
        }
        var data = raw is null ? floats.ToArray() : LittleEndianFloats(raw.Span);
        return new OnnxTensor(name, dims.ToArray(), dataType, dataType == OnnxTensor.FloatType ? data : []);
    }

    private static string ReadValueInfoName(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
            if (WireFormat.GetTagFieldNumber(tag) == 1) return input.ReadString();
            else input.SkipLastField();
        return "";
    }

    /// <summary>A repeated int64 field: packed (one length-delimited run) or one varint per tag.</summary>
    private static void ReadInt64s(CodedInputStream input, uint tag, List<long> into)
    {
        if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited) { into.Add(input.ReadInt64()); return; }
        var packed = input.ReadBytes().CreateCodedInput();
        while (!packed.IsAtEnd) into.Add(packed.ReadInt64());
    }

    /// <summary>A repeated float field: packed (little-endian run) or one fixed32 per tag.</summary>
    private static void ReadFloats(CodedInputStream input, uint tag, List<float> into)
    {
        if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited) { into.Add(input.ReadFloat()); return; }
        into.AddRange(LittleEndianFloats(input.ReadBytes().Span));
    }

    private static float[] LittleEndianFloats(ReadOnlySpan<byte> bytes)
    {
        var values = new float[bytes.Length / 4];
        for (var k = 0; k < values.Length; k++) values[k] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(4 * k, 4));
        return values;
    }
}
