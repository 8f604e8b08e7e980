namespace MriTransfer.Preprocessing;

public enum ForegroundMethod
{
    /// <summary>Above min + fraction·(robust max − min), robust max = 99.5th percentile.</summary>
    Fraction,
    /// <summary>Otsu's threshold on a 256-bin histogram.</summary>
    Otsu,
}

/// <summary>An axis-aligned box of voxels: start and length per axis.</summary>
public sealed record VoxelBox(int[] Start, int[] Length);

/// <summary>The head's foreground: an intensity threshold and the bounding box of voxels above it.</summary>
public static class Foreground
{
    public static double Threshold(float[] data, ForegroundMethod method, double fraction)
    {
        if (method == ForegroundMethod.Otsu) return Otsu(data);
        var min = data.Min();
        var robustMax = Percentiles.Of((float[])data.Clone(), 99.5);
        return min + fraction * (robustMax - min);
    }

    /// <summary>Bounding box of voxels strictly above <paramref name="threshold"/>, grown by <paramref name="margin"/> voxels and clipped to the volume; null when no voxel is above.</summary>
    public static VoxelBox? BoundingBox(float[] data, int[] shape, double threshold, int margin)
    {
        int[] low = [int.MaxValue, int.MaxValue, int.MaxValue], high = [-1, -1, -1];
        int nx = shape[0], ny = shape[1], nz = shape[2];
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
            {
                var row = nx * (y + ny * z);
                int first = -1, last = -1;
                for (var x = 0; x < nx; x++)
                    if (data[row + x] > threshold)
                    {
                        if (first < 0) first = x;
                        last = x;
                    }
                if (first < 0) continue;
                low[0] = Math.Min(low[0], first); high[0] = Math.Max(high[0], last);
                low[1] = Math.Min(low[1], y); high[1] = Math.Max(high[1], y);
                low[2] = Math.Min(low[2], z); high[2] = Math.Max(high[2], z);
            }
        if (high[0] < 0) return null;
        var start = new int[3];
        var length = new int[3];
        for (var a = 0; a < 3; a++)
        {
            start[a] = Math.Max(0, low[a] - margin);
            length[a] = Math.Min(shape[a] - 1, high[a] + margin) - start[a] + 1;
        }
        return new VoxelBox(start, length);
    }

    private static double Otsu(float[] data)
    {
        const int bins = 256;
        float min = data.Min(), max = data.Max();
        if (max <= min) return min;
        var histogram = new long[bins];
        var width = (max - min) / bins;
        foreach (var v in data) histogram[Math.Min(bins - 1, (int)((v - min) / width))]++;
        double total = data.Length, sumAll = 0;
        for (var i = 0; i < bins; i++) sumAll += i * (double)histogram[i];
        double weightBelow = 0, sumBelow = 0, best = -1;
        var bestBin = 0;
        for (var i = 0; i < bins - 1; i++)
        {
            weightBelow += histogram[i];
            sumBelow += i * (double)histogram[i];
            var weightAbove = total - weightBelow;
            if (weightBelow == 0 || weightAbove == 0) continue;
            var meanBelow = sumBelow / weightBelow;
            var meanAbove = (sumAll - sumBelow) / weightAbove;
            var between = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) (best, bestBin) = (between, i);
        }
        return min + (bestBin + 1) * width;
    }
}
