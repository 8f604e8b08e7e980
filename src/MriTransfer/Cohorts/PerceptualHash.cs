using MriTransfer.Imaging;

namespace MriTransfer.Cohorts;

/// <summary>
/// A 64-bit DCT perceptual hash of a volume's central axial slice (pHash): the slice is area-resampled to
/// 32×32, transformed with a 2-D DCT-II, and the 8×8 lowest frequencies (without DC) are compared with their
/// median. Near-identical images (re-saved, rescaled intensities, slight noise) differ in few bits.
/// </summary>
public static class PerceptualHash
{
    private const int Size = 32, Low = 8;
    private static readonly double[,] Cosines = BuildCosines();

    public static ulong Compute(Volume volume)
    {
        var z = volume.Nz / 2;
        var small = new double[Size, Size];
        for (var v = 0; v < Size; v++)
            for (var u = 0; u < Size; u++)
            {
                int x0 = u * volume.Nx / Size, x1 = Math.Max(x0 + 1, (u + 1) * volume.Nx / Size);
                int y0 = v * volume.Ny / Size, y1 = Math.Max(y0 + 1, (v + 1) * volume.Ny / Size);
                double sum = 0;
                for (var y = y0; y < y1; y++)
                    for (var x = x0; x < x1; x++) sum += volume[Math.Min(x, volume.Nx - 1), Math.Min(y, volume.Ny - 1), z];
                small[v, u] = sum / ((x1 - x0) * (y1 - y0));
            }

        var coefficients = new double[Low * Low];
        for (var q = 0; q < Low; q++)
            for (var p = 0; p < Low; p++)
            {
                double sum = 0;
                for (var v = 0; v < Size; v++)
                    for (var u = 0; u < Size; u++) sum += small[v, u] * Cosines[p, u] * Cosines[q, v];
                coefficients[q * Low + p] = sum;
            }
        var median = coefficients.Skip(1).Order().ElementAt((Low * Low - 1) / 2);
        ulong hash = 0;
        for (var i = 1; i < Low * Low; i++)
            if (coefficients[i] > median) hash |= 1UL << i;
        return hash;
    }

    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    private static double[,] BuildCosines()
    {
        var c = new double[Low, Size];
        for (var k = 0; k < Low; k++)
            for (var n = 0; n < Size; n++) c[k, n] = Math.Cos(Math.PI / Size * (n + 0.5) * k);
        return c;
    }
}
