using MriTransfer.Imaging;

namespace MriTransfer.Preprocessing;

/// <summary>
/// Reorients a volume to the closest canonical RAS+ orientation, as nibabel's io_orientation /
/// as_closest_canonical: each voxel axis is assigned to the world axis it points closest to (after removing
/// shears and zooms), then axes are permuted and flipped so voxel axes 0, 1, 2 run towards R, A, S.
/// Voxel values are only moved, never interpolated, and the affine is updated so every voxel keeps its world position.
/// </summary>
public static class Reorientation
{
    /// <summary>One input axis's destination: the RAS axis it becomes, and whether it is flipped.</summary>
    public readonly record struct AxisMapping(int OutputAxis, bool Flip);

    /// <summary>Axis codes of a volume's orientation, e.g. "LPS", "RAS" (nibabel's aff2axcodes).</summary>
    public static string Code(double[,] affine)
    {
        var mapping = Orientation(affine);
        const string positive = "RAS", negative = "LPI";
        return string.Concat(mapping.Select(m => m.Flip ? negative[m.OutputAxis] : positive[m.OutputAxis]));
    }

    /// <summary>Checks the affine is usable: finite, with a non-singular 3×3 part. Throws <see cref="PreprocessingException"/>.</summary>
    public static void Validate(double[,] affine)
    {
        for (var r = 0; r < 4; r++)
            for (var c = 0; c < 4; c++)
                if (!double.IsFinite(affine[r, c]))
                    throw new PreprocessingException($"affine is not finite: element [{r},{c}] is {affine[r, c]}; expected a finite voxel-to-world matrix (check the NIfTI sform/qform)");
        var rs = Directions(affine);
        var det = Affine.Determinant(rs);
        if (rs[0, 0] is double.NaN || Math.Abs(det) < 1e-6)
            throw new PreprocessingException(
                $"affine is singular: its voxel axes are not independent (determinant of the direction matrix {det:G3}); expected three independent axes (check the NIfTI sform/qform and pixdim)");
    }

    /// <summary>For each input voxel axis, the RAS axis it maps to and whether it runs backwards.</summary>
    public static AxisMapping[] Orientation(double[,] affine)
    {
        Validate(affine);
        var r = Affine.ClosestOrthogonal(Directions(affine));
        var mapping = new AxisMapping[3];
        var used = new bool[3];
        for (var input = 0; input < 3; input++)
        {
            var best = -1;
            for (var output = 0; output < 3; output++)
                if (!used[output] && (best < 0 || Math.Abs(r[output, input]) > Math.Abs(r[best, input])))
                    best = output;
            used[best] = true;
            mapping[input] = new AxisMapping(best, r[best, input] < 0);
        }
        return mapping;
    }

    /// <summary>The volume with its voxels permuted/flipped into RAS+ order and the affine updated to match.</summary>
    public static Volume ToClosestCanonical(Volume volume)
    {
        var mapping = Orientation(volume.Affine);
        if (mapping.Select((m, i) => m.OutputAxis == i && !m.Flip).All(x => x)) return volume;

        int[] inShape = volume.Shape, inStride = [1, inShape[0], inShape[0] * inShape[1]];
        var outShape = new int[3];
        var transform = new double[4, 4];
        transform[3, 3] = 1;
        long baseIndex = 0;
        var coefficient = new long[3]; // old linear index step per step along each new axis
        for (var i = 0; i < 3; i++)
        {
            var (o, flip) = (mapping[i].OutputAxis, mapping[i].Flip);
            outShape[o] = inShape[i];
            coefficient[o] = flip ? -inStride[i] : inStride[i];
            if (flip) baseIndex += (long)(inShape[i] - 1) * inStride[i];
            transform[i, o] = flip ? -1 : 1;
            transform[i, 3] = flip ? inShape[i] - 1 : 0;
        }

        var source = volume.Data;
        var data = new float[source.Length];
        int nx = outShape[0], ny = outShape[1], nz = outShape[2];
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
            {
                var row = baseIndex + coefficient[1] * y + coefficient[2] * z;
                var target = (long)nx * (y + (long)ny * z);
                for (var x = 0; x < nx; x++) data[target + x] = source[row + coefficient[0] * x];
            }

        var affine = Affine.Multiply4(volume.Affine, transform);
        return new Volume(data, outShape, Affine.Spacing(affine), affine);
    }

    /// <summary>The 3×3 part with unit columns; a 2-D image's missing third axis becomes the in-plane normal.</summary>
    private static double[,] Directions(double[,] affine)
    {
        var m = Affine.Upper3x3(affine);
        if (Affine.ColumnNorm(m, 2) == 0 && Affine.ColumnNorm(m, 0) > 0 && Affine.ColumnNorm(m, 1) > 0)
        {
            m[0, 2] = m[1, 0] * m[2, 1] - m[2, 0] * m[1, 1];
            m[1, 2] = m[2, 0] * m[0, 1] - m[0, 0] * m[2, 1];
            m[2, 2] = m[0, 0] * m[1, 1] - m[1, 0] * m[0, 1];
        }
        for (var c = 0; c < 3; c++)
        {
            var norm = Affine.ColumnNorm(m, c);
            if (norm == 0) return new double[3, 3] { { double.NaN, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
            for (var r = 0; r < 3; r++) m[r, c] /= norm;
        }
        return m;
    }
}
