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
