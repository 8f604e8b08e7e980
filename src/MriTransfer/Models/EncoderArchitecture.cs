using System.Text.Json.Nodes;

namespace MriTransfer.Models;

/// <summary>
/// The encoder's shape: N blocks, one per entry of <see cref="Channels"/>, each halving every spatial axis. Shared by
/// the autoencoder and the classifier (params <c>model.*</c>). <see cref="Block"/> "plain": conv–norm–activation ×2
/// at the block's input resolution, then a stride-2 convolution (kernel 2); "strided": a stride-2 conv–norm–activation
/// that goes to the block's width at once, then one conv–norm–activation at the halved resolution (no convolution
/// runs at full resolution, where narrow layers are memory-bound: benchmarks/training.md).
/// Construct through <see cref="Create"/>, which checks every field together.
/// </summary>
public sealed record EncoderArchitecture
{
    public static readonly string[] Norms = ["batch", "instance", "group"];
    public static readonly string[] Activations = ["relu", "leaky_relu", "elu", "gelu", "silu"];
    public static readonly string[] Blocks = ["plain", "strided"];

    private EncoderArchitecture(int spatialDims, int inChannels, IReadOnlyList<int> channels, string norm, int normGroups, string activation,
        string block)
    {
        Block = block;
        SpatialDims = spatialDims;
        InChannels = inChannels;
        Channels = channels;
        Norm = norm;
        NormGroups = normGroups;
        Activation = activation;
    }

    /// <summary>2 (slices) or 3 (volumes).</summary>
    public int SpatialDims { get; }
    public int InChannels { get; }
    /// <summary>Output channels of each block; its length is the depth.</summary>
    public IReadOnlyList<int> Channels { get; }
    public string Norm { get; }
    /// <summary>Groups of group normalisation (ignored by the other norms).</summary>
    public int NormGroups { get; }
    public string Activation { get; }
    /// <summary>"plain" or "strided" (see the type's summary).</summary>
    public string Block { get; }
    public bool IsStrided => Block == "strided";

    public int Depth => Channels.Count;
    public int FeatureChannels => Channels[^1];

    public static EncoderArchitecture Create(int spatialDims, IReadOnlyList<int> channels, string norm = "batch",
        string activation = "relu", int normGroups = 4, int inChannels = 1, string block = "plain")
    {
        var problems = new List<string>();
        if (spatialDims is not (2 or 3)) problems.Add($"spatial dims must be 2 or 3, got {spatialDims}");
        if (inChannels < 1) problems.Add($"input channels must be at least 1, got {inChannels}");
        if (channels.Count is < 1 or > 6) problems.Add($"model.channels must list 1 to 6 block widths (one per encoder block), got {channels.Count}");
        if (!Norms.Contains(norm)) problems.Add($"model.norm must be one of {string.Join(", ", Norms)}, got '{norm}'");
        if (!Activations.Contains(activation)) problems.Add($"model.activation must be one of {string.Join(", ", Activations)}, got '{activation}'");
        if (!Blocks.Contains(block)) problems.Add($"model.block must be one of {string.Join(", ", Blocks)}, got '{block}'");
        if (norm == "group")
        {
            if (normGroups < 1) problems.Add($"model.norm_groups must be at least 1, got {normGroups}");
            else
                foreach (var c in channels.Where(c => c > 0 && c % normGroups != 0))
                    problems.Add($"model.norm_groups = {normGroups} must divide every block width, but {c} is not a multiple (choose widths that are multiples of {normGroups}, or another group count)");
        }
        if (problems.Count > 0) throw new ModelConfigurationException(problems);
        return new EncoderArchitecture(spatialDims, inChannels, channels.ToArray(), norm, normGroups, activation, block);
    }

    /// <summary>
    /// Checks that a spatial input shape (x, y[, z]) survives <see cref="Depth"/> halvings; the message says which sizes work.
    /// </summary>
    public void ValidateInputShape(IReadOnlyList<int> spatialShape, string source)
    {
        var factor = 1 << Depth;
        var shown = string.Join("×", spatialShape);
        if (spatialShape.Count != SpatialDims)
            throw new ModelConfigurationException($"{source}: the model is {SpatialDims}-D but the input shape {shown} has {spatialShape.Count} axes");
        var bad = spatialShape.Where(n => n % factor != 0).Distinct().ToList();
        if (bad.Count == 0) return;
        var suggestions = bad.Select(n => $"{n} → {Math.Max(factor, n / factor * factor)} or {(n / factor + 1) * factor}");
        throw new ModelConfigurationException(
            $"{source}: input shape {shown} does not fit an encoder of depth {Depth}: every axis must be a multiple of 2^{Depth} = {factor} " +
            $"({string.Join("; ", suggestions)}); either preprocess to such a shape or use fewer blocks in model.channels " +
            $"(depth {MaxDepthFor(spatialShape)} fits {shown})");
    }

    /// <summary>The deepest encoder that fits a shape (each axis divisible by 2^depth).</summary>
    public static int MaxDepthFor(IReadOnlyList<int> spatialShape)
    {
        var depth = 0;
        while (spatialShape.All(n => n % (1 << (depth + 1)) == 0 && n >> (depth + 1) >= 1)) depth++;
        return depth;
    }

    public JsonObject ToJson() => new()
    {
        ["spatial_dims"] = SpatialDims,
        ["in_channels"] = InChannels,
        ["channels"] = new JsonArray(Channels.Select(c => (JsonNode)c).ToArray()),
        ["norm"] = Norm,
        ["norm_groups"] = NormGroups,
        ["activation"] = Activation,
        ["block"] = Block,
    };

    /// <summary>Reads <see cref="ToJson"/>; a file written before <c>block</c> existed describes a plain encoder.</summary>
    public static EncoderArchitecture FromJson(JsonNode node) => Create(
        (int)node["spatial_dims"]!,
        node["channels"]!.AsArray().Select(c => (int)c!).ToArray(),
        (string)node["norm"]!,
        (string)node["activation"]!,
        (int)node["norm_groups"]!,
        (int)node["in_channels"]!,
        (string?)node["block"] ?? "plain");

    public bool Equals(EncoderArchitecture? other) =>
        other is not null && SpatialDims == other.SpatialDims && InChannels == other.InChannels && Channels.SequenceEqual(other.Channels)
        && Norm == other.Norm && NormGroups == other.NormGroups && Activation == other.Activation && Block == other.Block;

    public override int GetHashCode() => HashCode.Combine(SpatialDims, InChannels, Depth, Norm, NormGroups, Activation, Block);

    public override string ToString() =>
        $"{SpatialDims}-D {Block} encoder [{string.Join("-", Channels)}], {Norm} norm, {Activation}";

    /// <summary>The layers of one block and the output, in words (the model card's architecture_text).</summary>
    public string LayerText()
    {
        var conv = $"conv{SpatialDims}d 3";
        var unit = $"{Norm} norm → {Activation}";
        var block = IsStrided
            ? $"[{conv}, stride 2, padding 1 → {unit} → {conv}, padding 1 → {unit}]"
            : $"[{conv}, padding 1 → {unit}] ×2 → conv stride 2, kernel 2";
        return $"{Depth} blocks of {block}; output (N, {FeatureChannels}, S/{1 << Depth})";
    }
}
