namespace MriTransfer.Imaging;

/// <summary>
/// The matrix operations on voxel-to-world affines (4×4, row-major <c>double[,]</c>) and their 3×3 parts: spacing,
/// sub-grids, products, inverses, the nearest rotation and its quaternion. The one home for this arithmetic: the NIfTI
/// and MetaImage readers, the qform writer, reorientation, resampling and the synthetic head template all use it.
/// </summary>
internal static class Affine
{
    /// <summary>Voxel spacing: the norms of the first three columns.</summary>
    public static double[] Spacing(double[,] affine) => [ColumnNorm(affine, 0), ColumnNorm(affine, 1), ColumnNorm(affine, 2)];

    /// <summary>Norm of column <paramref name="column"/> over the first three rows.</summary>
    public static double ColumnNorm(double[,] m, int column)
    {
        double s = 0;
        for (var r = 0; r < 3; r++) s += m[r, column] * m[r, column];
        return Math.Sqrt(s);
    }

    public static double[,] Upper3x3(double[,] affine)
    {
        var m = new double[3, 3];
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
                m[r, c] = affine[r, c];
        return m;
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

    /// <summary>The inverse of an affine (world to voxel).</summary>
    public static double[,] Invert(double[,] a)
    {
        var it = InverseTranspose(Upper3x3(a));
        var inv = new double[4, 4];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++) inv[r, c] = it[c, r];
            inv[r, 3] = -(inv[r, 0] * a[0, 3] + inv[r, 1] * a[1, 3] + inv[r, 2] * a[2, 3]);
        }
        inv[3, 3] = 1;
        return inv;
    }

    public static double Determinant(double[,] m) =>
        m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
        - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
        + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);

    public static double[,] InverseTranspose(double[,] m)
    {
        var det = Determinant(m);
        var it = new double[3, 3];
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
            {
                int r1 = (r + 1) % 3, r2 = (r + 2) % 3, c1 = (c + 1) % 3, c2 = (c + 2) % 3;
                it[r, c] = (m[r1, c1] * m[r2, c2] - m[r1, c2] * m[r2, c1]) / det; // cofactor / det = (M^-1)^T
            }
        return it;
    }

    /// <summary>
    /// The orthogonal polar factor of m (the rotation, or reflection when det m &lt; 0, nearest to m in the Frobenius
    /// norm, equal to U·Vᵀ of its SVD), by the Newton iteration R ← (R + R⁻ᵀ)/2.
    /// </summary>
    public static double[,] ClosestOrthogonal(double[,] m)
    {
        var r = (double[,])m.Clone();
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var it = InverseTranspose(r);
            var change = 0.0;
            for (var i = 0; i < 3; i++)
                for (var j = 0; j < 3; j++)
                {
                    var next = 0.5 * (r[i, j] + it[i, j]);
                    change = Math.Max(change, Math.Abs(next - r[i, j]));
                    r[i, j] = next;
                }
            if (change < 1e-15) break;
        }
        return r;
    }

    /// <summary>Unit quaternion (a, b, c, d) of a rotation matrix (Shepperd's method).</summary>
    public static (double A, double B, double C, double D) ToQuaternion(double[,] r)
    {
        var trace = r[0, 0] + r[1, 1] + r[2, 2];
        if (trace > 0)
        {
            var s = 2 * Math.Sqrt(1 + trace);
            return (0.25 * s, (r[2, 1] - r[1, 2]) / s, (r[0, 2] - r[2, 0]) / s, (r[1, 0] - r[0, 1]) / s);
        }
        if (r[0, 0] > r[1, 1] && r[0, 0] > r[2, 2])
        {
            var s = 2 * Math.Sqrt(1 + r[0, 0] - r[1, 1] - r[2, 2]);
            return ((r[2, 1] - r[1, 2]) / s, 0.25 * s, (r[0, 1] + r[1, 0]) / s, (r[0, 2] + r[2, 0]) / s);
        }
        if (r[1, 1] > r[2, 2])
        {
            var s = 2 * Math.Sqrt(1 + r[1, 1] - r[0, 0] - r[2, 2]);
            return ((r[0, 2] - r[2, 0]) / s, (r[0, 1] + r[1, 0]) / s, 0.25 * s, (r[1, 2] + r[2, 1]) / s);
        }
        var t = 2 * Math.Sqrt(1 + r[2, 2] - r[0, 0] - r[1, 1]);
        return ((r[1, 0] - r[0, 1]) / t, (r[0, 2] + r[2, 0]) / t, (r[1, 2] + r[2, 1]) / t, 0.25 * t);
    }
}
