using System.Text.Json.Nodes;

namespace MriTransfer.Models;

/// <summary>
/// How the autoencoder's training input is corrupted: plain (not at all), denoising (additive Gaussian noise of
/// <see cref="NoiseStd"/>) or masked (a fraction <see cref="MaskRatio"/> of cubes of side <see cref="MaskCube"/> voxels
/// set to 0). The loss always compares the reconstruction with the clean input.
/// </summary>
public sealed record AutoencoderVariant
{
    public static readonly string[] Kinds = ["plain", "denoising", "masked"];

    private AutoencoderVariant(string kind, double noiseStd, double maskRatio, int maskCube)
    {
        Kind = kind;
        NoiseStd = noiseStd;
        MaskRatio = maskRatio;
        MaskCube = maskCube;
    }

    public string Kind { get; }
    public double NoiseStd { get; }
    public double MaskRatio { get; }
    public int MaskCube { get; }

    public static AutoencoderVariant Plain { get; } = new("plain", 0, 0, 1);

    /// <summary>The variant of params (whose ranges the schema in build/ checks) or of a model.json; an unknown kind is refused.</summary>
    public static AutoencoderVariant Create(string kind, double noiseStd, double maskRatio, int maskCube) =>
        Kinds.Contains(kind)
            ? new AutoencoderVariant(kind, noiseStd, maskRatio, maskCube)
            : throw new ModelConfigurationException($"pretrain.variant must be one of {string.Join(", ", Kinds)}, got '{kind}'");

    public JsonObject ToJson() => new()
    {
        ["kind"] = Kind,
        ["noise_std"] = NoiseStd,
        ["mask_ratio"] = MaskRatio,
        ["mask_cube"] = MaskCube,
    };

    public static AutoencoderVariant FromJson(JsonNode node) =>
        Create((string)node["kind"]!, (double)node["noise_std"]!, (double)node["mask_ratio"]!, (int)node["mask_cube"]!);
}
