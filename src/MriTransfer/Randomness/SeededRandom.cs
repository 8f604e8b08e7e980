namespace MriTransfer.Randomness;

/// <summary>
/// The pipeline's seeded generator, SplitMix64: its sequence is fixed by its seed on every platform and .NET version,
/// so split tables, label fractions and synthetic subjects never change under a runtime upgrade. Streams are derived
/// from params seeds by the named factories (each stream independent of how many draws the others made);
/// <see cref="Seeds"/> derives the training streams with the same <see cref="Mix"/>.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    /// <summary>2⁶⁴/φ, SplitMix64's increment (and the constant the derivations spread seeds with).</summary>
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong _state = seed;

    /// <summary>The stream of one split decision (e.g. "glioma/split", "glioma/fractions"): FNV-1a of the name, xor seed × φ.</summary>
    public static SeededRandom ForSplits(int seed, string stream)
    {
        ulong hash = 1469598103934665603UL;
        foreach (var c in stream) hash = (hash ^ c) * 1099511628211UL;
        return new SeededRandom(unchecked(hash ^ (ulong)seed * Golden));
    }

    /// <summary>The stream of one synthetic subject (seed, cohort stream name, subject index), mixed in turn.</summary>
    public static SeededRandom ForSynthesis(int seed, string stream, int index)
    {
        var h = Mix((ulong)(uint)seed ^ Golden);
        foreach (var c in stream) h = Mix(h ^ c);
        return new SeededRandom(Mix(h ^ (ulong)(uint)index));
    }

    /// <summary>SplitMix64's output function (a bijective 64-bit mixer).</summary>
    public static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        _state = unchecked(_state + Golden);
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, n), by the remainder of one draw.</summary>
    public int Below(int n) => (int)(NextUInt64() % (ulong)n);

    public double Normal(double mean = 0, double sd = 1)
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Two independent normal draws from one Box–Muller step (half the cost of two <see cref="Normal"/> calls).</summary>
    public (double A, double B) NormalPair(double sd)
    {
        var radius = sd * Math.Sqrt(-2 * Math.Log(1.0 - NextDouble()));
        var (sin, cos) = Math.SinCos(2 * Math.PI * NextDouble());
        return (radius * cos, radius * sin);
    }

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
}
