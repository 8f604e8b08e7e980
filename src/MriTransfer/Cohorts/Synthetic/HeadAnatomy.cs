using MriTransfer.Randomness;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>
/// One subject's head geometry in the head frame (mm, origin at the head's centre): an ellipsoid with a few
/// low-order shape terms, layered scalp / skull / CSF / cortex / white matter, a cortical folding texture,
/// ventricles and hippocampi whose sizes follow the atrophy levels.
/// </summary>
public sealed class HeadAnatomy
{
    public const double ScalpThickness = 5, SkullThickness = 7;

    public required Vec3 Radii { get; init; }
    /// <summary>Coefficients of the shape terms x·y, y·z, x·z, z² of the radial function.</summary>
    public required double[] ShapeTerms { get; init; }
    /// <summary>Folding waves: direction·(2π/wavelength) and phase.</summary>
    public required (Vec3 K, double Phase)[] Folds { get; init; }
    /// <summary>0 = young healthy brain, 1 = severe global atrophy (wider sulci and outer CSF, thinner cortex, larger ventricles).</summary>
    public required double GlobalAtrophy { get; init; }
    /// <summary>0..1 medial temporal atrophy: shrinks the hippocampi and widens the CSF around them.</summary>
    public required double HippocampalAtrophy { get; init; }

    public double OuterCsfThickness => 2 + 4 * GlobalAtrophy;
    public double CortexThickness => 3.2 * (1 - 0.3 * GlobalAtrophy);
    public double SulcusDepth => 11 + 6 * GlobalAtrophy;
    /// <summary>Half-width (mm) of the CSF in a sulcus; atrophy widens the sulci.</summary>
    public double SulcusHalfWidth => 0.5 + 1.8 * GlobalAtrophy;
    /// <summary>Depth (mm below the scalp surface) where the brain begins.</summary>
    public double BrainDepth => ScalpThickness + SkullThickness + OuterCsfThickness;

    /// <param name="template">when given, the head's radii are the template's (times the subject's size variation) and its shape terms are zero.</param>
    public static HeadAnatomy Random(SeededRandom rng, double globalAtrophy, double hippocampalAtrophy, HeadTemplate? template = null)
    {
        var scale = rng.Normal(1, 0.035);
        var baseRadii = template?.Radii ?? new Vec3(68, 86, 76);
        var folds = new (Vec3, double)[7];
        for (var i = 0; i < folds.Length; i++)
            folds[i] = ((2 * Math.PI / rng.Uniform(22, 38)) * Vec3.RandomUnit(rng), rng.Uniform(0, 2 * Math.PI));
        return new HeadAnatomy
        {
            Radii = new Vec3(baseRadii.X * scale * rng.Normal(1, 0.025), baseRadii.Y * scale * rng.Normal(1, 0.025), baseRadii.Z * scale * rng.Normal(1, 0.025)),
            ShapeTerms = template is null ? [rng.Normal(0, 0.03), rng.Normal(0, 0.03), rng.Normal(0, 0.03), rng.Normal(-0.04, 0.02)] : [0, 0, 0, 0],
            Folds = folds,
            GlobalAtrophy = Math.Clamp(globalAtrophy, 0, 1),
            HippocampalAtrophy = Math.Clamp(hippocampalAtrophy, 0, 1),
        };
    }

    /// <summary>Distance of the scalp surface from the centre along direction u (unit vector).</summary>
    public double SurfaceRadius(Vec3 u)
    {
        var e = 1 / Math.Sqrt(u.X * u.X / (Radii.X * Radii.X) + u.Y * u.Y / (Radii.Y * Radii.Y) + u.Z * u.Z / (Radii.Z * Radii.Z));
        var t = ShapeTerms;
        return e * (1 + t[0] * u.X * u.Y + t[1] * u.Y * u.Z + t[2] * u.X * u.Z + t[3] * u.Z * u.Z);
    }

    /// <summary>How deep p lies below the scalp surface along its ray from the centre (negative outside the head).</summary>
    public double Depth(Vec3 p)
    {
        var r = p.Length;
        return r < 1e-9 ? SurfaceRadius(new Vec3(0, 0, 1)) : SurfaceRadius((1 / r) * p) - r;
    }

    /// <summary>
    /// Folding field: sulci run along its zero set; |Fold| · <see cref="FoldMm"/> approximates the distance (mm)
    /// from the nearest sulcal midline.
    /// </summary>
    public double Fold(Vec3 p)
    {
        var sum = 0.0;
        foreach (var (k, phase) in Folds) sum += Math.Sin(k.Dot(p) + phase);
        return sum / Math.Sqrt(Folds.Length) * 0.6;
    }

    /// <summary>Approximate mm per unit of <see cref="Fold"/> near its zero set.</summary>
    public const double FoldMm = 7;

    /// <summary>Deep grey nuclei (thalami / basal ganglia), one per hemisphere.</summary>
    public IEnumerable<(Vec3 Centre, Vec3 Radii)> DeepGrey()
    {
        yield return (new Vec3(-16, 2, 2), new Vec3(8, 14, 9));
        yield return (new Vec3(16, 2, 2), new Vec3(8, 14, 9));
    }

    /// <summary>Lateral ventricles (two) and the third ventricle, as (centre, radii) ellipsoids.</summary>
    public IEnumerable<(Vec3 Centre, Vec3 Radii)> Ventricles()
    {
        var g = GlobalAtrophy;
        var lateral = new Vec3(4.5 * (1 + 1.1 * g), 19 * (1 + 0.35 * g), 6.5 * (1 + 0.9 * g));
        yield return (new Vec3(-9 - 3 * g, 3, 10), lateral);
        yield return (new Vec3(9 + 3 * g, 3, 10), lateral);
        yield return (new Vec3(0, -4, 0), new Vec3(1.5 * (1 + 1.5 * g), 10, 7 * (1 + 0.5 * g)));
    }

    /// <summary>Hippocampi: (centre, radii of the grey structure, radii of the CSF around it).</summary>
    public IEnumerable<(Vec3 Centre, Vec3 Radii, Vec3 CsfRadii)> Hippocampi()
    {
        var h = HippocampalAtrophy;
        var radii = new Vec3(5.5, 15, 6);
        var shrink = 1 - 0.4 * h;
        var body = new Vec3(radii.X * shrink, radii.Y * (1 - 0.25 * h), radii.Z * shrink);
        var csf = new Vec3(radii.X + 1 + 2 * h, radii.Y + 1 + 2 * h, radii.Z + 1 + 2 * h);
        var z = -0.28 * Radii.Z;
        yield return (new Vec3(-0.38 * Radii.X, -6, z), body, csf);
        yield return (new Vec3(0.38 * Radii.X, -6, z), body, csf);
    }
}
