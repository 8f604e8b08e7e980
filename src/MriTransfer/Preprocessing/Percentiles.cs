namespace MriTransfer.Preprocessing;

/// <summary>Percentiles with numpy's default (linear) interpolation.</summary>
internal static class Percentiles
{
    /// <summary>Percentile of already sorted values.</summary>
    public static double OfSorted(IReadOnlyList<float> sorted, double percent)
    {
        var position = percent / 100.0 * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>
    /// Percentile of unsorted values in O(n) by quickselect; <paramref name="scratch"/> is reordered (pass a copy).
    /// Same value as sorting first.
    /// </summary>
    public static double Of(Span<float> scratch, double percent)
    {
        var position = percent / 100.0 * (scratch.Length - 1);
        var below = (int)Math.Floor(position);
        var low = Select(scratch, below);
        if (below + 1 >= scratch.Length || position == below) return low;
        var high = float.MaxValue;
        foreach (var v in scratch[(below + 1)..]) high = Math.Min(high, v); // everything after the k-th is >= it
        return low + (position - below) * (high - low);
    }

    /// <summary>Partially orders <paramref name="a"/> so a[k] is its k-th smallest value, smaller ones before and larger after.</summary>
    private static float Select(Span<float> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            var mid = lo + (hi - lo) / 2;
            if (a[mid] < a[lo]) (a[mid], a[lo]) = (a[lo], a[mid]);
            if (a[hi] < a[lo]) (a[hi], a[lo]) = (a[lo], a[hi]);
            if (a[hi] < a[mid]) (a[hi], a[mid]) = (a[mid], a[hi]);
            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }
}
