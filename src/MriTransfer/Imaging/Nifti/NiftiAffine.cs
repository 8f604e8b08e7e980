namespace MriTransfer.Imaging.Nifti;

/// <summary>
/// The voxel-to-world transform of a NIfTI header, chosen as the standard and nibabel choose it:
/// sform when sform_code &gt; 0, else qform when qform_code &gt; 0, else the pixdim diagonal (NIfTI "method 1").
/// </summary>
public static class NiftiAffine
{
    public static (double[,] Affine, string Source) FromHeader(NiftiHeader h)
    {
        if (h.SformCode > 0) return (FromSform(h), "sform");
        if (h.QformCode > 0) return (FromQform(h), "qform");
        return (Volume.DiagonalAffine(h.PixDim[1], h.PixDim[2], h.PixDim[3]), "pixdim");
    }

    public static double[,] FromSform(NiftiHeader h)
    {
        var a = Identity();
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 4; c++) a[r, c] = h.SRow[r, c];
        return a;
    }

    /// <summary>Quaternion (b, c, d; a filled positive) times diag(pixdim1, pixdim2, qfac·pixdim3), plus qoffset.</summary>
    public static double[,] FromQform(NiftiHeader h)
    {
        double b = h.QuaternB, c = h.QuaternC, d = h.QuaternD;
        var w2 = 1.0 - (b * b + c * c + d * d);
        double a;
        if (w2 < 1e-7)
        {
            // Rotation by 180°: a is 0 and (b, c, d) is renormalised, as nifti1_io does.
            var norm = Math.Sqrt(b * b + c * c + d * d);
            b /= norm; c /= norm; d /= norm;
            a = 0;
        }
        else a = Math.Sqrt(w2);

        var rotation = new double[,]
        {
            { a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) },
            { 2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b) },
            { 2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b },
        };
        var qfac = h.PixDim[0] < 0 ? -1.0 : 1.0;
        double[] zoom = [h.PixDim[1], h.PixDim[2], h.PixDim[3] * qfac];
        var affine = Identity();
        for (var r = 0; r < 3; r++)
        {
            for (var col = 0; col < 3; col++) affine[r, col] = rotation[r, col] * zoom[col];
            affine[r, 3] = h.QOffset[r];
        }
        return affine;
    }

    /// <summary>
    /// The qform fields for an affine, as nibabel's set_qform computes them: zooms are the column norms,
    /// a negative determinant flips the third axis (qfac = -1), shears are removed by taking the nearest
    /// rotation, and the quaternion's a is kept non-negative.
    /// </summary>
    public static (double B, double C, double D, double Qfac, double[] Zooms, double[] Offset) ToQform(double[,] affine)
    {
        var m = new double[3, 3];
        var zooms = new double[3];
        for (var col = 0; col < 3; col++)
        {
            zooms[col] = Affine.ColumnNorm(affine, col);
            if (zooms[col] == 0) zooms[col] = 1;
            for (var r = 0; r < 3; r++) m[r, col] = affine[r, col] / zooms[col];
        }
        var qfac = 1.0;
        if (Affine.Determinant(m) < 0)
        {
            qfac = -1;
            for (var r = 0; r < 3; r++) m[r, 2] = -m[r, 2];
        }
        var rotation = Affine.ClosestOrthogonal(m);
        var (qa, qb, qc, qd) = Affine.ToQuaternion(rotation);
        if (qa < 0) { qb = -qb; qc = -qc; qd = -qd; }
        return (qb, qc, qd, qfac, zooms, [affine[0, 3], affine[1, 3], affine[2, 3]]);
    }

    private static double[,] Identity() => Volume.DiagonalAffine(1, 1, 1);
}
