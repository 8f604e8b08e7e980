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

    public static double Determinant(double[,] m) =>
        m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
        - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
        + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);

    public static double[,] InverseTranspose(double[,] m)
    {
        var det = Determinant(m);
        var cof = new double[3, 3];
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
            {
                int r1 = (r + 1) % 3, r2 = (r + 2) % 3, c1 = (c + 1) % 3, c2 = (c + 2) % 3;
                cof[r, c] = (m[r1, c1] * m[r2, c2] - m[r1, c2] * m[r2, c1]) / det;
            }
        return cof; // cofactor matrix / det = (M^-1)^T
    }

    /// <summary>The orthogonal factor of the polar decomposition (the rotation/reflection closest to m), by Newton iteration.</summary>
    public static double[,] ClosestOrthogonal(double[,] m)
    {
        var x = (double[,])m.Clone();
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var it = InverseTranspose(x);
            double change = 0;
            for (var r = 0; r < 3; r++)
                for (var c = 0; c < 3; c++)
                {
                    var next = 0.5 * (x[r, c] + it[r, c]);
                    change = Math.Max(change, Math.Abs(next - x[r, c]));
                    x[r, c] = next;
                }
            if (change < 1e-14) break;
        }
        return x;
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
