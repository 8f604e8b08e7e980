using MriTransfer.Randomness;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>A 3-vector in millimetres (head frame: x left→right, y posterior→anterior, z inferior→superior).</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);
    public double Dot(Vec3 o) => X * o.X + Y * o.Y + Z * o.Z;
    public Vec3 Normalized() => (1 / Math.Max(Length, 1e-12)) * this;

    /// <summary>A uniformly random unit vector.</summary>
    public static Vec3 RandomUnit(SeededRandom rng)
    {
        var z = rng.Uniform(-1, 1);
        var phi = rng.Uniform(0, 2 * Math.PI);
        var r = Math.Sqrt(1 - z * z);
        return new Vec3(r * Math.Cos(phi), r * Math.Sin(phi), z);
    }
}
