using MriTransfer.Imaging;
using MriTransfer.Randomness;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>
/// Renders a <see cref="PhantomSubject"/> on a voxel grid centred on the world origin (RAS+, x fastest).
/// Tissue boundaries are ramps half a voxel wide (partial volume), then a smooth multiplicative bias
/// field and Rician noise are applied. Deterministic: a pure function of the subject and the grid.
/// </summary>
/// <remarks>
/// Speed (benchmarks/io.md, synthesis): the grid is walked row by row along x, where the head-frame point moves by a
/// constant step, so the folding field's plane waves and the bias field advance by recurrences (one sin/cos or exp
/// per row, not per voxel); the part of a row outside an ellipsoid that bounds the head is background without painting;
/// zero-signal voxels draw their Rician magnitude directly (Rayleigh, one uniform), and the others use the polar
/// method (no trigonometry).
/// </remarks>
public static class PhantomRenderer
{
    public static Volume Render(PhantomSubject subject, int[] shape, double spacing) => Render(subject, shape, spacing, labels: null);

    /// <param name="labels">when not null (length = voxel count), receives each voxel's dominant <see cref="Tissue"/>.</param>
    /// <param name="buffer">when not null (length = voxel count), the voxels are written into it and the volume wraps it (a worker reuses one buffer per subject).</param>
    public static Volume Render(PhantomSubject subject, int[] shape, double spacing, Tissue[]? labels, float[]? buffer = null)
    {
        int nx = shape[0], ny = shape[1], nz = shape[2];
        var count = (long)nx * ny * nz;
        if (buffer is not null && buffer.LongLength != count) throw new ArgumentException($"buffer holds {buffer.LongLength} voxels, the grid {count}", nameof(buffer));
        var affine = Volume.DiagonalAffine(spacing, spacing, spacing);
        for (var a = 0; a < 3; a++) affine[a, 3] = -(shape[a] - 1) / 2.0 * spacing;
        var data = buffer ?? new float[count];
        if (labels is not null) Array.Fill(labels, Tissue.Background);
        var volume = new Volume(data, [nx, ny, nz], [spacing, spacing, spacing], affine);
        var painter = new PhantomPainter(subject, Math.Max(0.5 * spacing, 0.75));
        var noise = new SeededRandom(subject.NoiseSeed);
        var r = subject.Rotation;
        var t = subject.Translation;
        var bias = subject.BiasCoefficients;
        var sd = subject.NoiseSd * subject.Contrast.Gain * subject.Contrast.White;
        var gain = subject.Contrast.Gain;
        double ox = affine[0, 3], oy = affine[1, 3], oz = affine[2, 3];
        // head frame = Rᵀ (world - t); one step along x moves it by spacing × (first row of R).
        var step = new Vec3(spacing * r[0, 0], spacing * r[0, 1], spacing * r[0, 2]);
        var folds = new FoldWaves(subject.Head, step);
        var bound = painter.Bound;
        var scaledStep = Scale(step, bound);
        var rayleigh = new RoundedRayleigh(sd);
        var depths = new double[nx];
        var background = painter.BackgroundDepth;

        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
            {
                var row = (long)nx * (y + (long)ny * z);
                double wx = ox - t.X, wy = oy + y * spacing - t.Y, wz = oz + z * spacing - t.Z;
                var p = new Vec3(r[0, 0] * wx + r[1, 0] * wy + r[2, 0] * wz,
                                 r[0, 1] * wx + r[1, 1] * wy + r[2, 1] * wz,
                                 r[0, 2] * wx + r[1, 2] * wy + r[2, 2] * wz);
                var (first, last) = InsideUnitSphere(Scale(p, bound), scaledStep, nx);
                // Bias exponent along the row: A + c·bx with bx = world x / 100, so the field grows by a constant ratio.
                double by = (oy + y * spacing) / 100, bz = (oz + z * spacing) / 100;
                var slope = bias[0] + bias[3] * by;
                var intercept = bias[1] * by + bias[2] * bz + bias[4] * by * bz + bias[5] * (bz * bz - 0.3);
                var ratio = Math.Exp(slope * spacing / 100);
                var field = Math.Exp(intercept + slope * (ox + first * spacing) / 100);
                folds.NewRow();
                var voxels = data.AsSpan((int)row, nx);
                // Voxels are drawn in x order (the noise stream is one per subject); outside the bound only noise.
                for (var x = 0; x < Math.Min(first, nx); x++) voxels[x] = rayleigh.Sample(noise.NextDouble());
                if (first <= last) painter.RowDepths(p, step, first, last, depths);
                for (var x = first; x <= last; x++)
                {
                    var (value, tissue) = depths[x] < background ? (0, Tissue.Background) : painter.Paint(p + x * step, depths[x], x, folds);
                    if (value == 0) voxels[x] = rayleigh.Sample(noise.NextDouble());
                    else
                    {
                        var signal = value * gain * field;
                        var (n1, n2) = PolarPair(noise, sd);
                        // Magnitude (Rician) noise, stored as whole numbers as scanners store int16 (and it compresses well).
                        voxels[x] = (float)Math.Round(Math.Sqrt((signal + n1) * (signal + n1) + n2 * n2));
                    }
                    field *= ratio;
                    if (labels is not null) labels[row + x] = tissue;
                }
                for (var x = Math.Max(last + 1, first); x < nx; x++) voxels[x] = rayleigh.Sample(noise.NextDouble());
            }
        return volume;
    }

    private static Vec3 Scale(Vec3 p, Vec3 radii) => new(p.X / radii.X, p.Y / radii.Y, p.Z / radii.Z);

    /// <summary>
    /// The voxels x = first..last of a row (p at x = 0, step per voxel, both scaled by the bounding ellipsoid's radii)
    /// that may lie inside the unit sphere; first &gt; last when none. Conservative by one voxel at each end.
    /// </summary>
    private static (int First, int Last) InsideUnitSphere(Vec3 p, Vec3 step, int nx)
    {
        double a = step.Dot(step), b = 2 * p.Dot(step), c = p.Dot(p) - 1;
        var disc = b * b - 4 * a * c;
        if (disc < 0) return (1, 0);
        var root = Math.Sqrt(disc);
        var first = Math.Max(0, (int)Math.Floor((-b - root) / (2 * a)) - 1);
        var last = Math.Min(nx - 1, (int)Math.Ceiling((-b + root) / (2 * a)) + 1);
        return (first, last);
    }

    /// <summary>Two independent normal draws of SD <paramref name="sd"/> by Marsaglia's polar method (no sin/cos).</summary>
    private static (double A, double B) PolarPair(SeededRandom rng, double sd)
    {
        while (true)
        {
            var u = 2 * rng.NextDouble() - 1;
            var v = 2 * rng.NextDouble() - 1;
            var s = u * u + v * v;
            if (s >= 1 || s == 0) continue;
            var m = sd * Math.Sqrt(-2 * Math.Log(s) / s);
            return (u * m, v * m);
        }
    }

    /// <summary>
    /// The folding field's plane waves sin(k·p + φ) along a row, computed where the painter asks: exact sin/cos at the
    /// first voxel of each run of asked voxels, then the angle-addition recurrence (the phase advances by k·step per voxel).
    /// </summary>
    internal sealed class FoldWaves
    {
        private readonly (Vec3 K, double Phase)[] _waves;
        private readonly double[] _sin, _cos, _stepSin, _stepCos;
        private int _x = int.MinValue;
        private double _sum;

        public FoldWaves(HeadAnatomy head, Vec3 step)
        {
            _waves = head.Folds;
            _sin = new double[_waves.Length];
            _cos = new double[_waves.Length];
            _stepSin = new double[_waves.Length];
            _stepCos = new double[_waves.Length];
            for (var i = 0; i < _waves.Length; i++) (_stepSin[i], _stepCos[i]) = Math.SinCos(_waves[i].K.Dot(step));
        }

        public void NewRow() => _x = int.MinValue;

        /// <summary>Σ sin(k·p + φ) at voxel x of the row, whose head-frame point is p.</summary>
        public double Sum(int x, Vec3 p)
        {
            if (x == _x) return _sum;
            var sum = 0.0;
            if (x == _x + 1)
                for (var i = 0; i < _sin.Length; i++)
                {
                    double s = _sin[i], c = _cos[i];
                    _sin[i] = s * _stepCos[i] + c * _stepSin[i];
                    _cos[i] = c * _stepCos[i] - s * _stepSin[i];
                    sum += _sin[i];
                }
            else
                for (var i = 0; i < _sin.Length; i++)
                {
                    (_sin[i], _cos[i]) = Math.SinCos(_waves[i].K.Dot(p) + _waves[i].Phase);
                    sum += _sin[i];
                }
            _x = x;
            return _sum = sum;
        }
    }

    /// <summary>
    /// round(|n₁ + i·n₂|) for n₁, n₂ ~ N(0, sd²), the Rician magnitude of a voxel without signal, by inverse-CDF sampling
    /// of the rounded Rayleigh law: the result is the number of thresholds F(m − ½) (m = 1, 2, …) at or below a uniform
    /// draw, F(x) = 1 − exp(−x² / 2sd²), found through a guide table (no logarithm per voxel).
    /// </summary>
    private sealed class RoundedRayleigh
    {
        private const int Guides = 1024;
        private readonly double[] _thresholds;
        private readonly int[] _guide = new int[Guides + 1];

        public RoundedRayleigh(double sd)
        {
            var thresholds = new List<double>();
            for (var m = 1; sd > 0; m++)
            {
                var f = -double.ExpM1(-(m - 0.5) * (m - 0.5) / (2 * sd * sd));
                if (f >= 1) break;
                thresholds.Add(f);
            }
            _thresholds = [.. thresholds, double.PositiveInfinity];
            for (int g = 0, k = 0; g <= Guides; g++)
            {
                while (_thresholds[k] <= (double)g / Guides) k++;
                _guide[g] = k;
            }
        }

        /// <param name="u">uniform in [0, 1)</param>
        public float Sample(double u)
        {
            var k = _guide[(int)(u * Guides)];
            while (_thresholds[k] <= u) k++;
            return k;
        }
    }
}
