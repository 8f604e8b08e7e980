namespace MriTransfer.Imaging;

/// <summary>
/// How a 2-D picture (PNG, JPEG, BMP, a MATLAB image matrix) becomes a one-slice volume: voxel x = column, y = row
/// (row 0 = the picture's top row), z = 0, 1 mm pixels.
/// </summary>
internal static class PlanarImage
{
    /// <summary>What <see cref="ImageFileInfo.AffineSource"/> says for a 2-D picture.</summary>
    public const string AffineSource = "none";

    /// <param name="voxels">row-major pixels, row 0 first: index = column + width · row.</param>
    public static Volume Volume(float[] voxels, int width, int height) =>
        new(voxels, [width, height, 1], [1, 1, 1], Imaging.Volume.DiagonalAffine(1, 1, 1));
}
