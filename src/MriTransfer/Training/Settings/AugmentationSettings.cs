using System.Text.Json.Nodes;
using Pipeline.Errors;

namespace MriTransfer.Training.Settings;

/// <summary>
/// <c>&lt;stage&gt;.augment.*</c>: random left-right flips, rotation up to <see cref="RotateDegrees"/> about each axis,
/// zoom up to ±<see cref="Scale"/>, shift up to ±<see cref="Shift"/> of the field of view, gain and offset jitter up to
/// ±<see cref="Intensity"/>. All zero and no flips = no augmentation. The affine resamples with
/// <see cref="Interpolation"/>: <c>linear</c> (trilinear/bilinear: each voxel a weighted mean of its neighbours, which
/// smooths one-voxel edges such as the skull) or <c>nearest</c> (each voxel copies one input voxel, so edges stay sharp).
/// </summary>
public sealed record AugmentationSettings(bool Flip, double RotateDegrees, double Scale, double Shift, double Intensity, string Interpolation)
{
    public static AugmentationSettings None { get; } = new(false, 0, 0, 0, 0, "linear");

    public bool ResamplesNearest => Interpolation == "nearest";

    public bool UsesAffine => RotateDegrees > 0 || Scale > 0 || Shift > 0;
    public bool IsNone => !Flip && !UsesAffine && Intensity == 0;

    /// <summary>As params.yaml spells it, for a model.json: what its weights were trained on.</summary>
    public JsonObject ToJson() => new()
    {
        ["flip"] = Flip,
        ["rotate_degrees"] = RotateDegrees,
        ["scale"] = Scale,
        ["shift"] = Shift,
        ["intensity"] = Intensity,
        ["interpolation"] = Interpolation,
    };

    /// <summary>The record <see cref="ToJson"/> wrote; a missing key is an <see cref="InputException"/> naming it.</summary>
    public static AugmentationSettings FromJson(JsonNode node)
    {
        T Read<T>(string key) => node[key] is { } value ? value.GetValue<T>() : throw new InputException($"augmentation record without \"{key}\"");
        return new(Read<bool>("flip"), Read<double>("rotate_degrees"), Read<double>("scale"), Read<double>("shift"),
            Read<double>("intensity"), Read<string>("interpolation"));
    }
}
