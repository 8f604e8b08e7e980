namespace MriTransfer.Imaging;

/// <summary>
/// A 3-D image: float32 voxels in NIfTI order (x fastest: index = x + nx * (y + ny * z)), its shape,
/// voxel spacing in mm, and the 4×4 voxel-to-world affine (RAS+ world, as NIfTI defines it).
/// A 2-D image is a volume with nz = 1.
/// </summary>
public sealed class Volume
{
    public Volume(float[] data, int[] shape, double[] spacing, double[,] affine)
    {
        if (shape.Length != 3) throw new ArgumentException($"shape must have 3 entries, got {shape.Length}", nameof(shape));
        if (shape.Any(n => n <= 0)) throw new ArgumentException($"shape must be positive, got [{string.Join(", ", shape)}]", nameof(shape));
        if ((long)shape[0] * shape[1] * shape[2] != data.LongLength)
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] needs {(long)shape[0] * shape[1] * shape[2]} voxels, got {data.LongLength}", nameof(data));
        if (spacing.Length != 3) throw new ArgumentException("spacing must have 3 entries", nameof(spacing));
        if (affine.GetLength(0) != 4 || affine.GetLength(1) != 4) throw new ArgumentException("affine must be 4×4", nameof(affine));
        Data = data;
        Shape = shape;
        Spacing = spacing;
        Affine = affine;
    }

    public float[] Data { get; }
    public int[] Shape { get; }
    public double[] Spacing { get; }
    public double[,] Affine { get; }

    public int Nx => Shape[0];
    public int Ny => Shape[1];
    public int Nz => Shape[2];

    public float this[int x, int y, int z]
    {
        get => Data[x + Nx * (y + Ny * z)];
        set => Data[x + Nx * (y + Ny * z)] = value;
    }

    /// <summary>A volume with a diagonal affine (spacing on the diagonal, origin at 0).</summary>
    public static Volume Create(int nx, int ny, int nz, double sx = 1, double sy = 1, double sz = 1) =>
        new(new float[(long)nx * ny * nz], [nx, ny, nz], [sx, sy, sz], DiagonalAffine(sx, sy, sz));

    public static double[,] DiagonalAffine(double sx, double sy, double sz) => new double[,]
    {
        { sx, 0, 0, 0 },
        { 0, sy, 0, 0 },
        { 0, 0, sz, 0 },
        { 0, 0, 0, 1 },
    };

    public Volume WithData(float[] data) => new(data, (int[])Shape.Clone(), (double[])Spacing.Clone(), (double[,])Affine.Clone());
}
