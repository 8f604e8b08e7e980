namespace MriTransfer.Training.Settings;

/// <summary>
/// <c>&lt;stage&gt;.augment.*</c>: random left-right flips, rotation up to <see cref="RotateDegrees"/> about each axis,
/// zoom up to ±<see cref="Scale"/>, shift up to ±<see cref="Shift"/> of the field of view, gain and offset jitter up to
/// ±<see cref="Intensity"/>. All zero and no flips = no augmentation.
/// </summary>
public sealed record AugmentationSettings(bool Flip, double RotateDegrees, double Scale, double Shift, double Intensity)
{
    public static AugmentationSettings None { get; } = new(false, 0, 0, 0, 0);

    public bool UsesAffine => RotateDegrees > 0 || Scale > 0 || Shift > 0;
    public bool IsNone => !Flip && !UsesAffine && Intensity == 0;
}
