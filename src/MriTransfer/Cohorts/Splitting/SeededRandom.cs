namespace MriTransfer.Cohorts.Splitting;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its seed on every platform and .NET version,
/// so split tables never change under a runtime upgrade.
/// </summary>
internal sealed class SeededRandom(long seed)
{
    private ulong _state = unchecked((ulong)seed);

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, n).</summary>
    public int Below(int n) => (int)(Next() % (ulong)n);

    /// <summary>Fisher–Yates shuffle into a new list.</summary>
    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Below(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    /// <summary>A generator for a named sub-stream (e.g. one class), independent of how many draws others made.</summary>
    public static SeededRandom For(int seed, string stream)
    {
        ulong hash = 1469598103934665603UL; // FNV-1a of the stream name
        foreach (var c in stream) hash = (hash ^ c) * 1099511628211UL;
        return new SeededRandom(unchecked((long)(hash ^ (ulong)seed * 0x9E3779B97F4A7C15UL)));
    }
}
