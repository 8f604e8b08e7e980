namespace MriTransfer.Imaging.Nifti;

/// <summary>The few 3×3 matrix operations the qform and reorientation need.</summary>
internal static class Matrix3
{
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
