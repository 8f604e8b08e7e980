namespace MriTransfer.Imaging;

/// <summary>
/// Orientation codes of an affine, as nibabel's aff2axcodes names them: for each voxel axis, the world
/// direction (RAS+) it points to most, e.g. "RAS" (x→Right, y→Anterior, z→Superior) or "LPS".
/// Oblique axes are assigned greedily by their largest direction cosine, so each world axis is used once.
/// </summary>
public static class Orientation
{
    public static string AxisCodes(double[,] affine)
    {
        var codes = new char[3];
        var usedWorld = new bool[3];
        var usedVoxel = new bool[3];
        for (var step = 0; step < 3; step++)
        {
            var (bestVoxel, bestWorld, bestValue) = (-1, -1, -1.0);
            for (var v = 0; v < 3; v++)
            {
                if (usedVoxel[v]) continue;
                var norm = Math.Sqrt(affine[0, v] * affine[0, v] + affine[1, v] * affine[1, v] + affine[2, v] * affine[2, v]);
                for (var w = 0; w < 3; w++)
                {
                    if (usedWorld[w]) continue;
                    var cosine = norm > 0 ? Math.Abs(affine[w, v]) / norm : 0;
                    if (cosine > bestValue) (bestVoxel, bestWorld, bestValue) = (v, w, cosine);
                }
            }
            usedVoxel[bestVoxel] = usedWorld[bestWorld] = true;
            var positive = affine[bestWorld, bestVoxel] >= 0;
            codes[bestVoxel] = bestWorld switch { 0 => positive ? 'R' : 'L', 1 => positive ? 'A' : 'P', _ => positive ? 'S' : 'I' };
        }
        return new string(codes);
    }
}
