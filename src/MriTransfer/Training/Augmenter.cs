using MriTransfer.Models;
using MriTransfer.Training.Settings;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MriTransfer.Training;

/// <summary>
/// Training-time augmentation of a (B, 1, …) batch as batched tensor ops, each sample's parameters drawn independently
/// from <see cref="Random"/> (in this order: flips, affines, gains, offsets):
/// random left-right flip, a small affine (rotation, zoom, shift; linear or nearest-neighbour resampling, as
/// <c>augment.interpolation</c> says; voxels from outside repeat the edge, since a normalised volume's background is not zero)
/// and an intensity jitter (gain and offset). Only the drawn parameters are managed values; the voxels stay in libtorch.
/// </summary>
public static class Augmenter
{
    public static Tensor Apply(Tensor batch, AugmentationSettings settings, Random random)
    {
        if (settings.IsNone) return batch;
        var n = (int)batch.shape[0];
        var dims = (int)batch.dim() - 2;
        var x = batch;
        if (settings.Flip)
        {
            var flipped = Enumerable.Range(0, n).Where(_ => random.NextDouble() < 0.5).ToList();
            if (flipped.Count > 0)
            {
                using var index = NativeTensors.Longs(flipped);
                x = x.index_copy(0, index, x.index_select(0, index).flip(-1));
            }
        }
        if (settings.UsesAffine)
        {
            var theta = new float[n * dims * (dims + 1)];
            for (var i = 0; i < n; i++) AffineMatrix(settings, random, dims).CopyTo(theta, i * dims * (dims + 1));
            var grid = F.affine_grid(NativeTensors.Floats(theta, n, dims, dims + 1), x.shape, align_corners: false);
            x = F.grid_sample(x, grid, settings.ResamplesNearest ? GridSampleMode.Nearest : GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
        }
        if (settings.Intensity > 0)
        {
            var gains = Enumerable.Range(0, n).Select(_ => (float)(1 + Uniform(random, settings.Intensity))).ToArray();
            var offsets = Enumerable.Range(0, n).Select(_ => (float)Uniform(random, settings.Intensity)).ToArray();
            var shape = new long[] { n }.Concat(Enumerable.Repeat(1L, dims + 1)).ToArray();
            x = x * NativeTensors.Floats(gains, shape) + NativeTensors.Floats(offsets, shape);
        }
        return x;
    }

    /// <summary>A row-major dims × (dims + 1) matrix [s·R | t] in normalised coordinates.</summary>
    private static float[] AffineMatrix(AugmentationSettings settings, Random random, int dims)
    {
        var scale = 1 + Uniform(random, settings.Scale);
        var rotation = dims == 2
            ? Rotation2D(Radians(Uniform(random, settings.RotateDegrees)))
            : Rotation3D(Radians(Uniform(random, settings.RotateDegrees)), Radians(Uniform(random, settings.RotateDegrees)), Radians(Uniform(random, settings.RotateDegrees)));
        var m = new float[dims * (dims + 1)];
        for (var r = 0; r < dims; r++)
        {
            for (var c = 0; c < dims; c++) m[r * (dims + 1) + c] = (float)(scale * rotation[r, c]);
            m[r * (dims + 1) + dims] = (float)(2 * Uniform(random, settings.Shift));
        }
        return m;
    }

    private static double Uniform(Random random, double halfWidth) => halfWidth == 0 ? 0 : (2 * random.NextDouble() - 1) * halfWidth;

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double[,] Rotation2D(double a) => new[,] { { Math.Cos(a), -Math.Sin(a) }, { Math.Sin(a), Math.Cos(a) } };

    private static double[,] Rotation3D(double ax, double ay, double az)
    {
        double[,] rx = { { 1, 0, 0 }, { 0, Math.Cos(ax), -Math.Sin(ax) }, { 0, Math.Sin(ax), Math.Cos(ax) } };
        double[,] ry = { { Math.Cos(ay), 0, Math.Sin(ay) }, { 0, 1, 0 }, { -Math.Sin(ay), 0, Math.Cos(ay) } };
        double[,] rz = { { Math.Cos(az), -Math.Sin(az), 0 }, { Math.Sin(az), Math.Cos(az), 0 }, { 0, 0, 1 } };
        return Multiply(rz, Multiply(ry, rx));
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var result = new double[3, 3];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                for (var k = 0; k < 3; k++) result[i, j] += a[i, k] * b[k, j];
        return result;
    }
}
