namespace MriTransfer.Imaging.Nifti;

/// <summary>The NIfTI datatype codes this reader decodes, with their sizes and names.</summary>
public enum NiftiDataType : short
{
    UInt8 = 2,
    Int16 = 4,
    Int32 = 8,
    Float32 = 16,
    Float64 = 64,
    Rgb24 = 128,
    Int8 = 256,
    UInt16 = 512,
    UInt32 = 768,
    Int64 = 1024,
    UInt64 = 1280,
}

public static class NiftiDataTypes
{
    private static readonly Dictionary<int, string> UnsupportedNames = new()
    {
        [0] = "unknown", [1] = "binary (1 bit)", [32] = "complex64", [1536] = "float128",
        [1792] = "complex128", [2048] = "complex256", [2304] = "rgba32",
    };

    public static bool IsSupported(int code) => Enum.IsDefined(typeof(NiftiDataType), (short)code) && code is >= short.MinValue and <= short.MaxValue;

    /// <summary>Bytes per voxel as stored (RGB24: 3).</summary>
    public static int BytesPerVoxel(NiftiDataType type) => type switch
    {
        NiftiDataType.UInt8 or NiftiDataType.Int8 => 1,
        NiftiDataType.Int16 or NiftiDataType.UInt16 => 2,
        NiftiDataType.Int32 or NiftiDataType.UInt32 or NiftiDataType.Float32 => 4,
        NiftiDataType.Rgb24 => 3,
        NiftiDataType.Int64 or NiftiDataType.UInt64 or NiftiDataType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Name(NiftiDataType type) => type.ToString().ToLowerInvariant();

    public static string Describe(int code) =>
        IsSupported(code) ? Name((NiftiDataType)code)
        : UnsupportedNames.TryGetValue(code, out var name) ? name : "unknown code";

    public static string SupportedList =>
        string.Join(", ", Enum.GetValues<NiftiDataType>().Select(t => $"{(short)t} ({Name(t)})"));
}
