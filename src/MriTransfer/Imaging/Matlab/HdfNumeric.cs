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

    /// <summary>
    /// A column-major MATLAB matrix (HDF5 dims (columns, rows)) as row-major float pixels, index = column + columns · row,
    /// converted and transposed in one pass over 32 × 32 tiles (no intermediate float copy of the stored values).
    /// </summary>
    public static (float[] Pixels, string Type) ReadTransposed(string path, string name, IH5Dataset dataset, int columns, int rows)
    {
        var type = dataset.Type;
        var signed = type.Class == H5DataTypeClass.FixedPoint && type.FixedPoint.IsSigned;
        return (type.Class, type.Size, signed) switch
        {
            (H5DataTypeClass.FixedPoint, 1, true) => (Transpose(dataset.Read<sbyte[]>(), columns, rows), "int8"),
            (H5DataTypeClass.FixedPoint, 2, true) => (Transpose(dataset.Read<short[]>(), columns, rows), "int16"),
            (H5DataTypeClass.FixedPoint, 4, true) => (Transpose(dataset.Read<int[]>(), columns, rows), "int32"),
            (H5DataTypeClass.FixedPoint, 8, true) => (Transpose(dataset.Read<long[]>(), columns, rows), "int64"),
            (H5DataTypeClass.FixedPoint, 1, false) => (Transpose(dataset.Read<byte[]>(), columns, rows), "uint8"),
            (H5DataTypeClass.FixedPoint, 2, false) => (Transpose(dataset.Read<ushort[]>(), columns, rows), "uint16"),
            (H5DataTypeClass.FixedPoint, 4, false) => (Transpose(dataset.Read<uint[]>(), columns, rows), "uint32"),
            (H5DataTypeClass.FixedPoint, 8, false) => (Transpose(dataset.Read<ulong[]>(), columns, rows), "uint64"),
            (H5DataTypeClass.FloatingPoint, 4, _) => (Transpose(dataset.Read<float[]>(), columns, rows), "float32"),
            (H5DataTypeClass.FloatingPoint, 8, _) => (Transpose(dataset.Read<double[]>(), columns, rows), "float64"),
            _ => (ReadAsFloat(path, name, dataset).Values, ""), // throws: the unsupported type is named there
        };
    }

    private static float[] Transpose<T>(T[] stored, int columns, int rows) where T : INumberBase<T>
    {
        const int Tile = 32;
        var pixels = new float[stored.LongLength];
        for (var c0 = 0; c0 < columns; c0 += Tile)
            for (var r0 = 0; r0 < rows; r0 += Tile)
                for (var c = c0; c < Math.Min(c0 + Tile, columns); c++)
                    for (var r = r0; r < Math.Min(r0 + Tile, rows); r++)
                        pixels[c + (long)columns * r] = float.CreateTruncating(stored[(long)c * rows + r]);
        return pixels;
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
