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

    public static AutoencoderVariant Create(string kind, double noiseStd = 0.1, double maskRatio = 0.25, int maskCube = 8)
    {
        var problems = new List<string>();
        if (!Kinds.Contains(kind)) problems.Add($"pretrain.variant must be one of {string.Join(", ", Kinds)}, got '{kind}'");
        if (noiseStd is < 0 or > 10 || double.IsNaN(noiseStd)) problems.Add($"pretrain.noise_std must be in [0, 10], got {noiseStd}");
        if (maskRatio is < 0 or > 0.9 || double.IsNaN(maskRatio)) problems.Add($"pretrain.mask_ratio must be in [0, 0.9], got {maskRatio}");
        if (maskCube is < 1 or > 64) problems.Add($"pretrain.mask_cube must be in 1..64 voxels, got {maskCube}");
        if (problems.Count > 0) throw new ModelConfigurationException(problems);
        return new AutoencoderVariant(kind, noiseStd, maskRatio, maskCube);
    }

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
