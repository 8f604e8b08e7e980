using System.Text.Json.Nodes;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// How a classifier reads the encoder (<c>model.readout</c>), shared by every encoder arm and the probes:
/// <c>gap</c> = global average of the last block (C_last numbers); <c>gap_gmp</c> = its average and maximum (2·C_last);
/// <c>multiscale</c> = average and maximum of every block's output, concatenated (2·ΣC); <c>flatten</c> = the whole
/// bottleneck (C_last · positions, keeps location); <c>attention</c> = a learned softmax weighting of the bottleneck's
/// positions (C_last). <see cref="BottleneckPositions"/> = voxels (pixels) of the last block's output per sample.
/// </summary>
public sealed record ReadoutSpec(string Name, long BottleneckPositions)
{
    public static readonly string[] Names = ["gap", "gap_gmp", "multiscale", "flatten", "attention"];
    public static ReadoutSpec Gap => new("gap", 1);

    /// <summary>The readout of an encoder fed samples of <paramref name="spatialShape"/> (x, y[, z]).</summary>
    public static ReadoutSpec For(string name, EncoderArchitecture architecture, IReadOnlyList<int> spatialShape)
    {
        if (!Names.Contains(name))
            throw new ModelConfigurationException($"model.readout must be one of {string.Join(", ", Names)}, got '{name}'");
        architecture.ValidateInputShape(spatialShape, "model.readout");
        return new ReadoutSpec(name, spatialShape.Aggregate(1L, (p, n) => p * (n >> architecture.Depth)));
    }

    /// <summary>Numbers per sample after the readout (what the head's standardisation sees).</summary>
    public long Width(EncoderArchitecture architecture) => Name switch
    {
        "gap" or "attention" => architecture.FeatureChannels,
        "gap_gmp" => 2L * architecture.FeatureChannels,
        "multiscale" => 2L * architecture.Channels.Sum(),
        "flatten" => architecture.FeatureChannels * BottleneckPositions,
        _ => throw new ModelConfigurationException($"unknown readout '{Name}'"),
    };

    public JsonObject ToJson() => new() { ["name"] = Name, ["bottleneck_positions"] = BottleneckPositions };

    /// <summary>A model.json without a readout (written before readouts existed) used global average pooling.</summary>
    public static ReadoutSpec FromJson(JsonNode? node) =>
        node is null ? Gap : new ReadoutSpec((string)node["name"]!, (long)node["bottleneck_positions"]!);
}

/// <summary>
/// The readout as a module. <see cref="Pool"/> is its parameter-free part (encoder block outputs → (N, …)); it is what a
/// frozen encoder's feature cache stores. <see cref="Module{T,TResult}.forward"/> is the learned part on top of it
/// (identity except for <c>attention</c>, whose scoring layer has state-dict keys <c>readout.score.*</c>).
/// </summary>
public sealed class Readout : Module<Tensor, Tensor>
{
    private readonly Linear? score;

    public Readout(ReadoutSpec spec, EncoderArchitecture architecture) : base(nameof(Readout))
    {
        Spec = spec;
        if (spec.Name == "attention") score = Linear(architecture.FeatureChannels, 1);
        RegisterComponents();
    }

    public ReadoutSpec Spec { get; }

    /// <summary>Parameter-free pooling of the encoder's block outputs (shallowest first): (N, F), or (N, C, S) for attention.</summary>
    public Tensor Pool(IReadOnlyList<Tensor> blocks)
    {
        var last = blocks[^1];
        return Spec.Name switch
        {
            "gap" => Layers.GlobalAveragePool(last),
            "gap_gmp" => cat([Layers.GlobalAveragePool(last), Layers.GlobalMaxPool(last)], 1),
            "multiscale" => cat(blocks.SelectMany(b => new[] { Layers.GlobalAveragePool(b), Layers.GlobalMaxPool(b) }).ToArray(), 1),
            "flatten" => last.flatten(1),
            "attention" => last.flatten(2),
            _ => throw new ModelConfigurationException($"unknown readout '{Spec.Name}'"),
        };
    }

    /// <summary>Pooled (see <see cref="Pool"/>) → (N, width).</summary>
    public override Tensor forward(Tensor pooled)
    {
        if (score is null) return pooled;
        var positions = pooled.transpose(1, 2);                          // (N, S, C)
        var weights = functional.softmax(score.forward(positions), 1);   // (N, S, 1): one weight per position
        return (positions * weights).sum(1);                             // (N, C)
    }
}
