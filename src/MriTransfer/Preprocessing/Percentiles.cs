namespace MriTransfer.Preprocessing;

internal static class Percentiles
{
    /// <summary>Linearly interpolated percentile of sorted values (numpy's default method).</summary>
    public static double OfSorted(IReadOnlyList<float> sorted, double percent)
    {
        var position = percent / 100.0 * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
