using System.Text;
using PureHDF;

namespace MriTransfer.Tests.Imaging;

/// <summary>
/// Writes MATLAB v7.3 files as MATLAB does, with PureHDF's writer: HDF5 behind a 512-byte user block that starts
/// with MATLAB's text header, matrices stored column-major (HDF5 dims = MATLAB dims reversed), a MATLAB_class
/// attribute on every variable.
/// </summary>
internal static class TestMatFiles
{
    /// <summary>A Figshare brain-tumour slice: <paramref name="image"/>[row, column] as MATLAB indexes it.</summary>
    public static void Figshare<T>(string path, T[,] image, double label, string pid, string matlabClass)
    {
        var pidCodes = new ushort[pid.Length, 1];
        for (var i = 0; i < pid.Length; i++) pidCodes[i, 0] = pid[i];
        var mask = new byte[image.GetLength(1), image.GetLength(0)];
        Write(path, new H5File
        {
            ["cjdata"] = new H5Group
            {
                ["image"] = Variable(ColumnMajor(image), matlabClass),
                ["label"] = Variable(new[,] { { label } }, "double"),
                ["PID"] = Variable(pidCodes, "char"),
                ["tumorMask"] = Variable(mask, "logical"),
                ["tumorBorder"] = Variable(new double[4, 1], "double"),
            },
        });
    }

    /// <summary>The set's cvind.mat: a 1 × n double vector of fold numbers (1-5), image i.mat in fold folds[i - 1].</summary>
    public static void Cvind(string path, int[] folds)
    {
        var column = new double[folds.Length, 1];
        for (var i = 0; i < folds.Length; i++) column[i, 0] = folds[i];
        Write(path, new H5File { ["cvind"] = Variable(column, "double") });
    }

    /// <summary>
    /// cvind.mat as MATLAB's save without -v7.3 writes it (MAT v5, little-endian): a 1 × n double stored as uint8, as
    /// MATLAB stores integer-valued doubles, the element zlib-compressed (v7) when <paramref name="compressed"/>.
    /// </summary>
    public static void CvindV5(string path, int[] folds, bool compressed)
    {
        var matrix = new MemoryStream();
        Element(matrix, 6, [6, 0, 0, 0, 0, 0, 0, 0]); // miUINT32 array flags: class 6 = double
        Element(matrix, 5, [.. BitConverter.GetBytes(1), .. BitConverter.GetBytes(folds.Length)]); // miINT32 dims 1 × n
        Element(matrix, 1, Encoding.ASCII.GetBytes("cvind")); // miINT8 name
        Element(matrix, 2, folds.Select(f => (byte)f).ToArray()); // miUINT8 real part
        var element = new MemoryStream();
        Element(element, 14, matrix.ToArray()); // miMATRIX
        var file = new MemoryStream();
        file.Write(Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024".PadRight(116)));
        file.Write(new byte[8]);
        file.Write([0x00, 0x01, (byte)'I', (byte)'M']);
        if (!compressed) file.Write(element.ToArray());
        else
        {
            var z = new MemoryStream();
            using (var zlib = new System.IO.Compression.ZLibStream(z, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(element.ToArray());
            file.Write(BitConverter.GetBytes(15));
            file.Write(BitConverter.GetBytes((int)z.Length));
            file.Write(z.ToArray());
        }
        File.WriteAllBytes(path, file.ToArray());
    }

    /// <summary>A MAT v5 data element: tag (type, size), data, zero padding to 8 bytes.</summary>
    private static void Element(Stream into, int type, byte[] data)
    {
        into.Write(BitConverter.GetBytes(type));
        into.Write(BitConverter.GetBytes(data.Length));
        into.Write(data);
        into.Write(new byte[(8 - data.Length % 8) % 8]);
    }

    /// <summary>MATLAB's m[row, column] laid out as HDF5 sees a column-major matrix: dims (columns, rows).</summary>
    public static T[,] ColumnMajor<T>(T[,] m)
    {
        var t = new T[m.GetLength(1), m.GetLength(0)];
        for (var r = 0; r < m.GetLength(0); r++)
            for (var c = 0; c < m.GetLength(1); c++) t[c, r] = m[r, c];
        return t;
    }

    private static H5Dataset Variable(object data, string matlabClass) => new(data) { Attributes = { ["MATLAB_class"] = matlabClass } };

    private static void Write(string path, H5File file)
    {
        file.Write(path, new H5WriteOptions(UserBlockSize: 512));
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.Write(Encoding.ASCII.GetBytes("MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 ."));
    }
}
