namespace MriTransfer.Imaging;

/// <summary>Intensity statistics of the finite voxels of a volume.</summary>
public sealed record VolumeStatistics(
    double Min, double Max, double Mean, double Sd, double P1, double P50, double P99, double NonZeroFraction, long NonFinite)
{
    public static VolumeStatistics Of(Volume volume) => Of(volume.Data);

    /// <summary>Statistics of any voxel values (e.g. every volume of a 4-D file together).</summary>
    public static VolumeStatistics Of(float[] voxels)
    {
        var finite = voxels.Where(float.IsFinite).ToArray();
        long nonFinite = voxels.LongLength - finite.LongLength;
        if (finite.Length == 0) return new VolumeStatistics(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, nonFinite);
        double sum = 0, sumSq = 0;
        long nonZero = 0;
        foreach (var v in finite) { sum += v; sumSq += (double)v * v; if (v != 0) nonZero++; }
        var mean = sum / finite.Length;
        var sd = Math.Sqrt(Math.Max(0, sumSq / finite.Length - mean * mean));
        Array.Sort(finite);
        double Quantile(double q) => finite[(int)Math.Round(q * (finite.Length - 1))];
        return new VolumeStatistics(finite[0], finite[^1], mean, sd, Quantile(0.01), Quantile(0.5), Quantile(0.99), (double)nonZero / finite.Length, nonFinite);
    }
}
