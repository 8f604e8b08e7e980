using MriTransfer.Imaging;

namespace MriTransfer.Tests.Preprocessing;

/// <summary>Small synthetic volumes for preprocessing tests.</summary>
internal static class TestVolumes
{
    public static Volume WithAffine(int nx, int ny, int nz, double[,] affine) =>
        new(new float[nx * ny * nz], [nx, ny, nz], [1, 1, 1], affine);

    /// <summary>World (x, y, z) of a voxel through an affine.</summary>
    public static double[] World(double[,] affine, double i, double j, double k) =>
        Enumerable.Range(0, 3).Select(r => affine[r, 0] * i + affine[r, 1] * j + affine[r, 2] * k + affine[r, 3]).ToArray();

    /// <summary>A bright ellipsoid "head" with a gradient inside, on a zero background.</summary>
    public static Volume Head(int nx, int ny, int nz, double spacing = 1, int seed = 1)
    {
        var volume = Volume.Create(nx, ny, nz, spacing, spacing, spacing);
        var random = new Random(seed);
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
                for (var x = 0; x < nx; x++)
                {
                    double dx = (x - nx / 2.0) / (nx * 0.35), dy = (y - ny / 2.0) / (ny * 0.4), dz = (z - nz / 2.0) / (nz * 0.35);
                    if (dx * dx + dy * dy + dz * dz < 1)
                        volume[x, y, z] = (float)(100 + 2 * y + random.NextDouble() * 10);
                }
        return volume;
    }
}
