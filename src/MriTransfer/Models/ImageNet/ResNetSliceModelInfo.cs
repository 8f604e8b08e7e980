using System.Text.Json;
using System.Text.Json.Serialization;
using MriTransfer.Cohorts.Preprocessed;
using Pipeline.Errors;

namespace MriTransfer.Models.ImageNet;

/// <summary>model.json of a "resnet18-slices" classifier: everything needed to rebuild it and its inputs.</summary>
public sealed record ResNetSliceModelInfo(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("classes")] IReadOnlyList<string> Classes,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("image_size")] int ImageSize,
    [property: JsonPropertyName("slices")] int Slices,
    [property: JsonPropertyName("slice_spacing")] int SliceSpacing,
    [property: JsonPropertyName("feature_count")] int FeatureCount,
    [property: JsonPropertyName("blocks_per_stage")] IReadOnlyList<int> BlocksPerStage,
    [property: JsonPropertyName("backbone_trained")] bool BackboneTrained,
    [property: JsonPropertyName("backbone_source")] string BackboneSource,
    [property: JsonPropertyName("backbone_sha256")] string BackboneSha256,
    [property: JsonPropertyName("input")] string Input)
{
    public const string KindName = "resnet18-slices";
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    [JsonIgnore]
    public SliceSampling Sampling => new(ImageSize, Slices, SliceSpacing);

    /// <summary><see cref="Mode"/> as read (checked by <see cref="Read"/>).</summary>
    [JsonIgnore]
    public CohortMode CohortMode => CohortModes.Parse(Mode, "model.json");

    public static ResNetSliceModelInfo Create(IReadOnlyList<string> classes, CohortMode mode, SliceSampling sampling, bool backboneTrained) =>
        new(KindName, classes, mode.Text(), sampling.ImageSize, sampling.Slices, sampling.SliceSpacing,
            ResNet18Backbone.FeatureCount, ResNet18Backbone.BlocksPerStage, backboneTrained,
            $"{ResNet18Package.PackageId} {ResNet18Package.PackageVersion} {ResNet18Package.ModelRelativePath}",
            ResNet18Package.ModelSha256,
            $"per-subject intensities mapped to [0,1] by their {SliceImages.LowPercentile}/{SliceImages.HighPercentile} percentiles, " +
            $"RGB to BGR, times 255, minus mean ({string.Join(", ", CntkImageNetInput.MeanBgr)}) as in ResNetPreprocess.onnx");

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options));

    public static ResNetSliceModelInfo Read(string path)
    {
        if (!File.Exists(path))
            throw new InputException($"{path}: missing; is {Path.GetDirectoryName(path)} the output of ImageNetHead or ImageNetFineTune?");
        var info = JsonSerializer.Deserialize<ResNetSliceModelInfo>(File.ReadAllText(path))
                   ?? throw new InputException($"{path}: empty model.json");
        var problems = new List<string>();
        if (info.Kind != KindName) problems.Add($"{path}: kind is '{info.Kind}', expected '{KindName}'");
        if (info.Classes is null || info.Classes.Count < 2) problems.Add($"{path}: classes must list at least 2 classes");
        CohortModes.Parse(info.Mode, path);
        if (info.BlocksPerStage is null || !info.BlocksPerStage.SequenceEqual(ResNet18Backbone.BlocksPerStage))
            problems.Add($"{path}: blocks_per_stage must be [{string.Join(", ", ResNet18Backbone.BlocksPerStage)}]");
        if (problems.Count > 0) throw new InputException(problems);
        return info;
    }
}
