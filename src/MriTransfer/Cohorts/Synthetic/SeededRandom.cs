namespace MriTransfer.Cohorts.Synthetic;

/// <summary>
/// A small, stable pseudo-random generator (SplitMix64) so every subject gets its own stream derived from
/// (seed, cohort, index): results never depend on thread count, scheduling or the .NET version.
/// </summary>
public sealed class SeededRandom
{
    private ulong _state;

    public SeededRandom(ulong seed) => _state = seed;

    /// <summary>A generator for one (seed, stream, index) triple; different triples give independent streams.</summary>
    public static SeededRandom For(int seed, string stream, int index)
    {
        var h = Mix((ulong)(uint)seed ^ 0x9E3779B97F4A7C15UL);
        foreach (var c in stream) h = Mix(h ^ c);
        return new SeededRandom(Mix(h ^ (ulong)(uint)index));
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, count).</summary>
    public int Next(int count) => (int)(NextDouble() * count);

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

    /// <summary>A uniformly random unit vector.</summary>
    public Vec3 UnitVector()
    {
        var z = Uniform(-1, 1);
        var phi = Uniform(0, 2 * Math.PI);
        var r = Math.Sqrt(1 - z * z);
        return new Vec3(r * Math.Cos(phi), r * Math.Sin(phi), z);
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>A 3-vector in millimetres (head frame: x left→right, y posterior→anterior, z inferior→superior).</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);
    public double Dot(Vec3 o) => X * o.X + Y * o.Y + Z * o.Z;
    public Vec3 Normalized() => (1 / Math.Max(Length, 1e-12)) * this;
}
