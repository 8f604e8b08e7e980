namespace MriTransfer.Preprocessing;

/// <summary>Small 3×3 / 4×4 matrix helpers for voxel-to-world affines.</summary>
internal static class AffineMath
{
    public static double[,] Upper3x3(double[,] affine)
    {
        var m = new double[3, 3];
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
                m[r, c] = affine[r, c];
        return m;
    }

    public static double ColumnNorm(double[,] m, int column)
    {
        double s = 0;
        for (var r = 0; r < 3; r++) s += m[r, column] * m[r, column];
        return Math.Sqrt(s);
    }

    /// <summary>a · b for 4×4 matrices.</summary>
    public static double[,] Multiply4(double[,] a, double[,] b)
    {
        var p = new double[4, 4];
        for (var r = 0; r < 4; r++)
            for (var c = 0; c < 4; c++)
                for (var k = 0; k < 4; k++)
                    p[r, c] += a[r, k] * b[k, c];
        return p;
    }

    /// <summary>The affine of a sub-grid whose voxel 0 sits at voxel <paramref name="start"/> of the original grid.</summary>
    public static double[,] Translate(double[,] affine, IReadOnlyList<double> start)
    {
        var moved = (double[,])affine.Clone();
        for (var r = 0; r < 3; r++)
            moved[r, 3] = affine[r, 3] + affine[r, 0] * start[0] + affine[r, 1] * start[1] + affine[r, 2] * start[2];
        return moved;
    }

    /// <summary>The affine of a grid whose voxel steps along each axis are <paramref name="scale"/> times the original ones (same origin).</summary>
    public static double[,] ScaleAxes(double[,] affine, IReadOnlyList<double> scale)
    {
        var scaled = (double[,])affine.Clone();
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
                scaled[r, c] = affine[r, c] * scale[c];
        return scaled;
    }

    public static double[] Spacing(double[,] affine) => [ColumnNorm(affine, 0), ColumnNorm(affine, 1), ColumnNorm(affine, 2)];
}
