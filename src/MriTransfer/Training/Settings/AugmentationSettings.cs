namespace MriTransfer.Training.Settings;

/// <summary>
/// Params <c>&lt;prefix&gt;.augment.*</c>: flip (bool: random left-right flip), rotate_degrees (0..30, max rotation
/// about each axis), scale (0..0.3, max relative zoom), shift (0..0.3, max shift as a fraction of the field of view),
/// intensity (0..1, max relative gain and offset jitter). All zero/false = no augmentation.
/// </summary>
public sealed record AugmentationSettings(bool Flip, double RotateDegrees, double Scale, double Shift, double Intensity)
{
    public static AugmentationSettings None { get; } = new(false, 0, 0, 0, 0);

    public bool UsesAffine => RotateDegrees > 0 || Scale > 0 || Shift > 0;
    public bool IsNone => !Flip && !UsesAffine && Intensity == 0;

    public static AugmentationSettings Read(ParamReader p, string prefix) => new(
        p.Bool($"{prefix}.augment.flip", true),
        p.Double($"{prefix}.augment.rotate_degrees", 5, 0, 30),
        p.Double($"{prefix}.augment.scale", 0.05, 0, 0.3),
        p.Double($"{prefix}.augment.shift", 0.03, 0, 0.3),
        p.Double($"{prefix}.augment.intensity", 0.1, 0, 1));
}
