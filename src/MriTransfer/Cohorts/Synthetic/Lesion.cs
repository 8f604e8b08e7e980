using MriTransfer.Randomness;

namespace MriTransfer.Cohorts.Synthetic;

public enum LesionKind { Glioma, Meningioma, Pituitary }

/// <summary>
/// A brain tumour in the head frame. Glioma: intra-axial, irregular (lobulated) enhancing rim, necrotic
/// core, surrounding oedema, heterogeneous. Meningioma: extra-axial, a dural-based homogeneous enhancing
/// mass clipped by the inner skull table, well circumscribed, with a dural tail. Pituitary: midline sellar
/// mass, vertically elongated, moderately enhancing.
/// </summary>
/// <param name="ContrastScale">1 = full lesion contrast; the difficulty knob lowers it (0.25 at difficulty 1).</param>
public sealed record Lesion(LesionKind Kind, Vec3 Centre, double Radius, double ContrastScale, (Vec3 Direction, double Phase)[] Lobes)
{
    /// <summary>Places a lesion of the given kind in a subject's head.</summary>
    public static Lesion Random(LesionKind kind, HeadAnatomy head, SeededRandom rng, double difficulty)
    {
        var sizeScale = 1 - 0.45 * difficulty;
        var contrast = 1 - 0.75 * difficulty;
        var lobes = Enumerable.Range(0, 4).Select(_ => (Vec3.RandomUnit(rng), rng.Uniform(0, 2 * Math.PI))).ToArray();
        switch (kind)
        {
            case LesionKind.Glioma:
            {
                var radius = rng.Uniform(9, 18) * sizeScale;
                var u = UpperDirection(rng, minZ: -0.3);
                // Centre well inside the brain: at least the oedema's reach below the cortex surface.
                var brainRadius = head.SurfaceRadius(u) - head.BrainDepth;
                var distance = rng.Uniform(0.25, 0.55) * brainRadius;
                distance = Math.Min(distance, brainRadius - 1.5 * radius - 4);
                return new Lesion(kind, Math.Max(distance, 0) * u, radius, contrast, lobes);
            }
            case LesionKind.Meningioma:
            {
                var radius = rng.Uniform(9, 17) * sizeScale;
                var u = UpperDirection(rng, minZ: 0.0);
                var innerTable = head.SurfaceRadius(u) - HeadAnatomy.ScalpThickness - HeadAnatomy.SkullThickness;
                return new Lesion(kind, (innerTable - 0.45 * radius) * u, radius, contrast, lobes);
            }
            default:
            {
                var radius = rng.Uniform(5, 10) * sizeScale;
                var centre = new Vec3(rng.Normal(0, 0.8), 0.14 * head.Radii.Y + rng.Normal(0, 2), -0.52 * head.Radii.Z + rng.Normal(0, 2));
                return new Lesion(kind, centre, radius, contrast, lobes);
            }
        }
    }

    /// <summary>The same tumour at a later scan, grown by a factor.</summary>
    public Lesion Grown(double factor) => this with { Radius = Radius * factor };

    private static Vec3 UpperDirection(SeededRandom rng, double minZ)
    {
        while (true)
        {
            var u = Vec3.RandomUnit(rng);
            if (u.Z >= minZ && Math.Abs(u.X) > 0.15) return u;
        }
    }

    /// <summary>Distance from the centre relative to the (lobulated, for gliomas) radius along that direction.</summary>
    public double RelativeRadius(Vec3 p)
    {
        var q = p - Centre;
        var r = q.Length;
        switch (Kind)
        {
            case LesionKind.Glioma:
            {
                var u = (1 / Math.Max(r, 1e-9)) * q;
                var lobulation = 0.0;
                foreach (var (d, phase) in Lobes) lobulation += Math.Sin(4 * u.Dot(d) + phase);
                return r / (Radius * (1 + 0.12 * lobulation));
            }
            case LesionKind.Pituitary:
                return Math.Sqrt(q.X * q.X + q.Y * q.Y / 0.81 + q.Z * q.Z / 1.69) / Radius;
            default:
                return r / Radius;
        }
    }
}
