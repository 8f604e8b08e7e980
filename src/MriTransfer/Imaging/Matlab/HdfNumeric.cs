using System.Numerics;
using PureHDF;

namespace MriTransfer.Imaging.Matlab;

/// <summary>Reads an HDF5 numeric dataset of the type the file declares (never assumed) and widens it to float.</summary>
internal static class HdfNumeric
{
    /// <returns>the values in HDF5 (row-major) order and the stored type's name, e.g. "int16".</returns>
    public static (float[] Values, string Type) ReadAsFloat(string path, string name, IH5Dataset dataset)
    {
        var type = dataset.Type;
        var size = type.Size;
        return type.Class switch
        {
            H5DataTypeClass.FixedPoint when type.FixedPoint.IsSigned => size switch
            {
                1 => (Widen(dataset.Read<sbyte[]>()), "int8"),
                2 => (Widen(dataset.Read<short[]>()), "int16"),
                4 => (Widen(dataset.Read<int[]>()), "int32"),
                8 => (Widen(dataset.Read<long[]>()), "int64"),
                _ => throw Unsupported(path, name, $"signed {8 * size}-bit integers"),
            },
            H5DataTypeClass.FixedPoint => size switch
            {
                1 => (Widen(dataset.Read<byte[]>()), "uint8"),
                2 => (Widen(dataset.Read<ushort[]>()), "uint16"),
                4 => (Widen(dataset.Read<uint[]>()), "uint32"),
                8 => (Widen(dataset.Read<ulong[]>()), "uint64"),
                _ => throw Unsupported(path, name, $"unsigned {8 * size}-bit integers"),
            },
            H5DataTypeClass.FloatingPoint => size switch
            {
                4 => (dataset.Read<float[]>(), "float32"),
                8 => (Widen(dataset.Read<double[]>()), "float64"),
                _ => throw Unsupported(path, name, $"{8 * size}-bit floating point"),
            },
            var other => throw Unsupported(path, name, $"HDF5 class {other}"),
        };
    }

    private static float[] Widen<T>(T[] values) where T : INumberBase<T>
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = float.CreateTruncating(values[i]);
        return result;
    }

    private static ImageReadException Unsupported(string path, string name, string what) =>
        new(path, $"{name} holds {what}; expected integers of 8 to 64 bits or 32/64-bit floating point");
}
