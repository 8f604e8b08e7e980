using MriTransfer.Imaging;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>
/// A real head image (e.g. Colin27 <c>/usr/share/mricron/templates/ch2.nii.gz</c>, package mricron-data) used as
/// the anatomy of every synthetic subject instead of the procedural layers: intensities are normalised so the
/// 99th percentile of the head is 1, the head's centre and half-extents are measured from its mask, and each
/// subject samples it (trilinear) through its own size, pose and contrast. Atrophy and tumours are painted on top.
/// </summary>
public sealed class HeadTemplate
{
    private readonly Volume _volume;
    private readonly double[,] _worldToVoxel;

    private HeadTemplate(Volume volume, double[,] worldToVoxel, Vec3 centre, Vec3 radii, string path)
    {
        _volume = volume;
        _worldToVoxel = worldToVoxel;
        Centre = centre;
        Radii = radii;
        Path = path;
    }

    public string Path { get; }
    /// <summary>Centre of the head mask in the template's world (mm).</summary>
    public Vec3 Centre { get; }
    /// <summary>Half-extents of the head mask along x, y, z (mm).</summary>
    public Vec3 Radii { get; }

    public static HeadTemplate Load(string path)
    {
        var volume = VolumeIO.Read(path);
        var sorted = volume.Data.Where(v => v > 0).Order().ToArray();
        if (sorted.Length < 1000) throw new ImageReadException(path, "the template has fewer than 1000 positive voxels; expected a head or brain image");
        var p99 = sorted[(int)(0.99 * (sorted.Length - 1))];
        var threshold = 0.1 * p99;
        var data = volume.Data.Select(v => Math.Max(0, v / p99)).ToArray();
        double[] low = [double.MaxValue, double.MaxValue, double.MaxValue], high = [double.MinValue, double.MinValue, double.MinValue];
        var a = volume.Affine;
        for (var z = 0; z < volume.Nz; z++)
            for (var y = 0; y < volume.Ny; y++)
                for (var x = 0; x < volume.Nx; x++)
                {
                    if (volume[x, y, z] < threshold) continue;
                    for (var r = 0; r < 3; r++)
                    {
                        var w = a[r, 0] * x + a[r, 1] * y + a[r, 2] * z + a[r, 3];
                        low[r] = Math.Min(low[r], w);
                        high[r] = Math.Max(high[r], w);
                    }
                }
        var centre = new Vec3((low[0] + high[0]) / 2, (low[1] + high[1]) / 2, (low[2] + high[2]) / 2);
        var radii = new Vec3((high[0] - low[0]) / 2, (high[1] - low[1]) / 2, (high[2] - low[2]) / 2);
        return new HeadTemplate(volume.WithData(data), Affine.Invert(a), centre, radii, path);
    }

    /// <summary>Template intensity (99th percentile = 1) at a point of the template's world; 0 outside.</summary>
    public double Sample(Vec3 world)
    {
        var m = _worldToVoxel;
        var x = m[0, 0] * world.X + m[0, 1] * world.Y + m[0, 2] * world.Z + m[0, 3];
        var y = m[1, 0] * world.X + m[1, 1] * world.Y + m[1, 2] * world.Z + m[1, 3];
        var z = m[2, 0] * world.X + m[2, 1] * world.Y + m[2, 2] * world.Z + m[2, 3];
        if (x < 0 || y < 0 || z < 0 || x > _volume.Nx - 1 || y > _volume.Ny - 1 || z > _volume.Nz - 1) return 0;
        int x0 = Math.Min((int)x, _volume.Nx - 2), y0 = Math.Min((int)y, Math.Max(_volume.Ny - 2, 0)), z0 = Math.Min((int)z, Math.Max(_volume.Nz - 2, 0));
        double fx = x - x0, fy = y - y0, fz = z - z0;
        double V(int dx, int dy, int dz) => _volume[Math.Min(x0 + dx, _volume.Nx - 1), Math.Min(y0 + dy, _volume.Ny - 1), Math.Min(z0 + dz, _volume.Nz - 1)];
        var c00 = V(0, 0, 0) * (1 - fx) + V(1, 0, 0) * fx;
        var c10 = V(0, 1, 0) * (1 - fx) + V(1, 1, 0) * fx;
        var c01 = V(0, 0, 1) * (1 - fx) + V(1, 0, 1) * fx;
        var c11 = V(0, 1, 1) * (1 - fx) + V(1, 1, 1) * fx;
        return ((c00 * (1 - fy) + c10 * fy) * (1 - fz)) + ((c01 * (1 - fy) + c11 * fy) * fz);
    }

    /// <summary>Maps a subject's head-frame point to the template's world, scaling by the ratio of head sizes.</summary>
    public Vec3 ToTemplate(Vec3 headFrame, Vec3 subjectRadii) =>
        Centre + new Vec3(headFrame.X * Radii.X / subjectRadii.X, headFrame.Y * Radii.Y / subjectRadii.Y, headFrame.Z * Radii.Z / subjectRadii.Z);
}
