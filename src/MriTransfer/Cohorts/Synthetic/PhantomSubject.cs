using MriTransfer.Randomness;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>Everything needed to render one scan; rendering is a pure function of this record.</summary>
public sealed record PhantomSubject(
    HeadAnatomy Head,
    TissueContrast Contrast,
    Lesion? Lesion,
    double[,] Rotation,
    Vec3 Translation,
    double[] BiasCoefficients,
    double NoiseSd,
    ulong NoiseSeed,
    HeadTemplate? Template = null)
{
    /// <summary>A random small pose: rotation up to <paramref name="maxRotationDeg"/> about each axis, shift up to <paramref name="maxShiftMm"/>.</summary>
    public static (double[,] Rotation, Vec3 Translation) RandomPose(SeededRandom rng, double maxRotationDeg, double maxShiftMm)
    {
        double Angle() => rng.Uniform(-maxRotationDeg, maxRotationDeg) * Math.PI / 180;
        double ax = Angle(), ay = Angle(), az = Angle();
        var rx = new double[,] { { 1, 0, 0 }, { 0, Math.Cos(ax), -Math.Sin(ax) }, { 0, Math.Sin(ax), Math.Cos(ax) } };
        var ry = new double[,] { { Math.Cos(ay), 0, Math.Sin(ay) }, { 0, 1, 0 }, { -Math.Sin(ay), 0, Math.Cos(ay) } };
        var rz = new double[,] { { Math.Cos(az), -Math.Sin(az), 0 }, { Math.Sin(az), Math.Cos(az), 0 }, { 0, 0, 1 } };
        var shift = new Vec3(rng.Uniform(-maxShiftMm, maxShiftMm), rng.Uniform(-maxShiftMm, maxShiftMm), rng.Uniform(-maxShiftMm, maxShiftMm));
        return (Multiply(rz, Multiply(ry, rx)), shift);
    }

    /// <summary>Coefficients of a smooth multiplicative bias field exp(Σ cᵢ·basisᵢ) of roughly ±strength.</summary>
    public static double[] RandomBias(SeededRandom rng, double strength) =>
        Enumerable.Range(0, 6).Select(_ => rng.Normal(0, strength / 2)).ToArray();

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var m = new double[3, 3];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                for (var k = 0; k < 3; k++) m[i, j] += a[i, k] * b[k, j];
        return m;
    }
}
