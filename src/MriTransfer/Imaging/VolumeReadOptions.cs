namespace MriTransfer.Imaging;

/// <summary>How to read an image file.</summary>
public sealed record VolumeReadOptions
{
    public static readonly VolumeReadOptions Default = new();

    /// <summary>
    /// For 4-D (and higher) files: which 3-D volume to read (0-based, counting over dims 4..7 in file order).
    /// Null: a file with more than one volume is an error.
    /// </summary>
    public int? VolumeIndex { get; init; }

    /// <summary>
    /// False (default): NaN/±Inf voxels make the read fail with <see cref="NonFiniteVoxelsException"/>.
    /// True: they are kept and counted in <see cref="ImageFileInfo.NonFiniteCount"/>.
    /// </summary>
    public bool AllowNonFinite { get; init; }
}
