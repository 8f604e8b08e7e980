using MriTransfer.Imaging;

namespace MriTransfer.Preprocessing;

public enum Interpolation
{
    /// <summary>Trilinear, for intensities.</summary>
    Linear,
    /// <summary>Nearest neighbour, for masks and label maps.</summary>
    Nearest,
}

/// <summary>Resampling a volume to a voxel spacing, and resizing 2-D slices to a pixel shape.</summary>
public static class Resampling
{
    /// <summary>
    /// Resamples to <paramref name="targetSpacing"/> (mm) keeping the world position of voxel 0 (as MONAI's Spacing):
    /// output voxel j along an axis samples input coordinate j·target/current; the shape becomes
    /// round(n·current/target). Samples past the last input voxel repeat the border. Axes of length 1 are kept.
    /// </summary>
    public static Volume ToSpacing(Volume volume, IReadOnlyList<double> targetSpacing, Interpolation interpolation = Interpolation.Linear) =>
        Resample(volume, [targetSpacing[0], targetSpacing[1], targetSpacing[2]], [false, false, false], interpolation);

    /// <summary>
    /// Same result as <c>ToSpacing(Reorientation.ToClosestCanonical(volume), targetSpacing)</c> (target spacing per RAS axis),
    /// but resamples in the stored layout first and only permutes/flips the small result: the large input is never copied.
    /// </summary>
    public static Volume ToCanonicalSpacing(Volume volume, IReadOnlyList<double> targetSpacing, Interpolation interpolation = Interpolation.Linear)
    {
        var mapping = Reorientation.Orientation(volume.Affine);
        var spacing = new double[3];
        var flip = new bool[3];
        for (var axis = 0; axis < 3; axis++)
        {
            spacing[axis] = targetSpacing[mapping[axis].OutputAxis];
            flip[axis] = mapping[axis].Flip;
        }
        return Reorientation.ToClosestCanonical(Resample(volume, spacing, flip, interpolation));
    }

    /// <summary>
    /// Resamples each stored axis; a flipped axis is sampled on the grid anchored at its last voxel (where the
    /// canonical grid starts), so flipping afterwards gives exactly the canonical resampling. Axes run z, y, x:
    /// the largest pass then works on whole contiguous planes.
    /// </summary>
    private static Volume Resample(Volume volume, double[] targetSpacing, bool[] anchorAtEnd, Interpolation interpolation)
    {
        var data = volume.Data;
        var shape = (int[])volume.Shape.Clone();
        var scale = new double[3];
        var origin = new double[3];
        for (var axis = 2; axis >= 0; axis--)
        {
            var current = volume.Spacing[axis];
            scale[axis] = 1;
            if (shape[axis] == 1 || current <= 0 || Math.Abs(current - targetSpacing[axis]) < 1e-9) continue;
            var ratio = targetSpacing[axis] / current;
            int n = shape[axis], length = Math.Max(1, (int)Math.Round(n / ratio, MidpointRounding.AwayFromZero));
            Func<int, double> coordinate = anchorAtEnd[axis] ? j => n - 1 - (length - 1 - j) * ratio : j => j * ratio;
            var resampler = interpolation == Interpolation.Linear
                ? AxisResampler.Linear(n, length, coordinate)
                : AxisResampler.Nearest(n, length, coordinate);
            data = resampler.Apply(data, shape, axis, out shape);
            scale[axis] = ratio;
            origin[axis] = coordinate(0);
        }
        var affine = Affine.ScaleAxes(Affine.Translate(volume.Affine, origin), scale);
        return new Volume(data, shape, Affine.Spacing(affine), affine);
    }

    /// <summary>
    /// Resizes the in-plane window [start, start+length) of every slice (axes 0 and 1) to <paramref name="width"/>×<paramref name="height"/>
    /// pixels with an antialiased linear filter; the third axis is untouched. The window may reach outside the
    /// image (border pixels repeat); pass the whole image to resize it as is.
    /// </summary>
    public static Volume ResizeSlices(Volume volume, int width, int height, (int Start, int Length)? xWindow = null, (int Start, int Length)? yWindow = null)
    {
        var (x0, nx) = xWindow ?? (0, volume.Nx);
        var (y0, ny) = yWindow ?? (0, volume.Ny);
        var shape = (int[])volume.Shape.Clone();
        var data = AxisResampler.Resize(volume.Nx, width, x0, nx).Apply(volume.Data, shape, 0, out shape);
        data = AxisResampler.Resize(volume.Ny, height, y0, ny).Apply(data, shape, 1, out shape);
        double sx = (double)nx / width, sy = (double)ny / height;
        // pixel j's centre sits at input coordinate start + (j + 0.5)·s − 0.5
        var affine = Affine.Translate(volume.Affine, [x0 + 0.5 * sx - 0.5, y0 + 0.5 * sy - 0.5, 0]);
        affine = Affine.ScaleAxes(affine, [sx, sy, 1]);
        return new Volume(data, shape, Affine.Spacing(affine), affine);
    }
}
