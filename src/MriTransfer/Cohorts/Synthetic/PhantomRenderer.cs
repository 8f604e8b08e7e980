using MriTransfer.Imaging;
using MriTransfer.Randomness;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>
/// Renders a <see cref="PhantomSubject"/> on a voxel grid centred on the world origin (RAS+, x fastest).
/// Tissue boundaries are ramps half a voxel wide (partial volume), then a smooth multiplicative bias
/// field and Rician noise are applied. Deterministic: a pure function of the subject and the grid.
/// </summary>
public static class PhantomRenderer
{
    public static Volume Render(PhantomSubject subject, int[] shape, double spacing) => Render(subject, shape, spacing, labels: null);

    /// <param name="labels">when not null (length = voxel count), receives each voxel's dominant <see cref="Tissue"/>.</param>
    public static Volume Render(PhantomSubject subject, int[] shape, double spacing, Tissue[]? labels)
    {
        int nx = shape[0], ny = shape[1], nz = shape[2];
        var affine = Volume.DiagonalAffine(spacing, spacing, spacing);
        for (var a = 0; a < 3; a++) affine[a, 3] = -(shape[a] - 1) / 2.0 * spacing;
        var volume = new Volume(new float[(long)nx * ny * nz], [nx, ny, nz], [spacing, spacing, spacing], affine);
        var painter = new Painter(subject, Math.Max(0.5 * spacing, 0.75));
        var noise = new SeededRandom(subject.NoiseSeed);
        var r = subject.Rotation;
        var t = subject.Translation;
        var bias = subject.BiasCoefficients;
        var sd = subject.NoiseSd * subject.Contrast.Gain * subject.Contrast.White;

        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
                for (var x = 0; x < nx; x++)
                {
                    var world = new Vec3(affine[0, 3] + x * spacing, affine[1, 3] + y * spacing, affine[2, 3] + z * spacing);
                    var w = world - t;
                    // head frame = Rᵀ (world - t)
                    var p = new Vec3(r[0, 0] * w.X + r[1, 0] * w.Y + r[2, 0] * w.Z,
                                     r[0, 1] * w.X + r[1, 1] * w.Y + r[2, 1] * w.Z,
                                     r[0, 2] * w.X + r[1, 2] * w.Y + r[2, 2] * w.Z);
                    var (value, tissue) = painter.Paint(p);
                    double bx = world.X / 100, by = world.Y / 100, bz = world.Z / 100;
                    var field = Math.Exp(bias[0] * bx + bias[1] * by + bias[2] * bz + bias[3] * bx * by + bias[4] * by * bz + bias[5] * (bz * bz - 0.3));
                    var signal = value * subject.Contrast.Gain * field;
                    var (n1, n2) = noise.NormalPair(sd);
                    var index = x + (long)nx * (y + (long)ny * z);
                    // Magnitude (Rician) noise, stored as whole numbers as scanners store int16 (and it compresses well).
                    volume.Data[index] = (float)Math.Round(Math.Sqrt((signal + n1) * (signal + n1) + n2 * n2));
                    if (labels is not null) labels[index] = tissue;
                }
        return volume;
    }

    /// <summary>Computes a voxel's noiseless intensity and dominant tissue by painting nested layers.</summary>
    private sealed class Painter
    {
        private readonly HeadAnatomy _head;
        private readonly TissueContrast _c;
        private readonly Lesion? _lesion;
        private readonly HeadTemplate? _template;
        private readonly double _soft;
        private readonly (Vec3 Centre, Vec3 Radii)[] _ventricles;
        private readonly (Vec3 Centre, Vec3 Radii)[] _deepGrey;
        private readonly (Vec3 Centre, Vec3 Radii, Vec3 CsfRadii)[] _hippocampi;

        public Painter(PhantomSubject s, double soft)
        {
            _head = s.Head;
            _c = s.Contrast;
            _lesion = s.Lesion;
            _template = s.Template;
            _soft = soft;
            _ventricles = s.Head.Ventricles().ToArray();
            _deepGrey = s.Head.DeepGrey().ToArray();
            _hippocampi = s.Head.Hippocampi().ToArray();
        }

        public (double Value, Tissue Tissue) Paint(Vec3 p)
        {
            var depth = _head.Depth(p);
            if (depth < -2 * _soft) return (0, Tissue.Background);
            double value = 0;
            var tissue = Tissue.Background;
            void Layer(double inside, double intensity, Tissue label)
            {
                var f = Math.Clamp(0.5 + inside / (2 * _soft), 0, 1);
                if (f <= 0) return;
                value += f * (intensity - value);
                if (f >= 0.5) tissue = label;
            }

            Layer(depth, _c.Scalp, Tissue.Scalp);
            Layer(depth - HeadAnatomy.ScalpThickness, _c.Skull, Tissue.Skull);
            var inner = HeadAnatomy.ScalpThickness + HeadAnatomy.SkullThickness;
            Layer(depth - inner, _c.Dura, Tissue.Dura);
            Layer(depth - inner - 1.2, _c.Csf, Tissue.Csf);
            var brain = depth - _head.BrainDepth;
            if (brain > -2 * _soft)
            {
                // Below the deepest sulcus the folding field cannot matter: skip its sines there.
                var sulcusDistance = brain > _head.SulcusDepth + _head.CortexThickness + 2 * _soft ? 1e3 : Math.Abs(_head.Fold(p)) * HeadAnatomy.FoldMm;
                var thickness = _head.CortexThickness;
                var halfWidth = _head.SulcusHalfWidth;
                // Cortex: a ribbon under the surface that also lines every sulcus; white matter below it;
                // sulcal CSF: thin sheets along the folding field's zero set, down to the sulcal depth.
                Layer(brain, _c.Grey, Tissue.Grey);
                var whiteInside = Math.Min(brain - thickness, Math.Max(sulcusDistance - halfWidth - thickness, brain - _head.SulcusDepth - thickness));
                Layer(whiteInside, _c.White, Tissue.White);
                Layer(Math.Min(_head.SulcusDepth - brain, halfWidth - sulcusDistance), _c.Csf, Tissue.Csf);
                // Deep structures all lie within 60 mm of the centre: skip their tests elsewhere.
                if (p.X * p.X + p.Y * p.Y + p.Z * p.Z < 60 * 60)
                {
                    foreach (var (centre, radii) in _deepGrey) Layer(EllipsoidInside(p, centre, radii), 0.5 * (_c.Grey + _c.White), Tissue.Grey);
                    foreach (var (centre, radii) in _ventricles) Layer(EllipsoidInside(p, centre, radii), _c.Csf, Tissue.Ventricle);
                    foreach (var (centre, radii, csf) in _hippocampi)
                    {
                        Layer(EllipsoidInside(p, centre, csf), _c.Csf, Tissue.Csf);
                        Layer(EllipsoidInside(p, centre, radii), _c.Grey * 1.03, Tissue.Hippocampus);
                    }
                }
            }
            if (_template is not null) PaintFromTemplate(p, ref value);
            if (_lesion is not null) PaintLesion(p, depth, inner, ref value, ref tissue);
            return (value, tissue);
        }

        /// <summary>
        /// Template mode: the template's intensity replaces the procedural layers (whose labels stay as an
        /// approximation), then atrophy is painted on top: ventricles growing with global atrophy, CSF
        /// replacing the hippocampi as they shrink.
        /// </summary>
        private void PaintFromTemplate(Vec3 p, ref double value)
        {
            var template = _template!;
            double Intensity(Vec3 q) => _c.White * Math.Pow(template.Sample(template.ToTemplate(q, _head.Radii)), _c.TemplateGamma);
            value = Intensity(p);
            if (p.X * p.X + p.Y * p.Y + p.Z * p.Z >= 60 * 60) return;
            var g = _head.GlobalAtrophy;
            void Paint(double inside, double intensity, ref double v)
            {
                var f = Math.Clamp(0.5 + inside / (2 * _soft), 0, 1);
                v += f * (intensity - v);
            }
            foreach (var (centre, radii) in _ventricles)
                Paint(EllipsoidInside(p, centre, (0.3 + 0.7 * g) * radii), _c.Csf, ref value);
            var h = _head.HippocampalAtrophy;
            foreach (var (centre, radii, csf) in _hippocampi)
                if (h > 0.2) Paint(EllipsoidInside(p, centre, (h - 0.2) * csf), _c.Csf, ref value);
        }

        private void PaintLesion(Vec3 p, double depth, double innerTable, ref double value, ref Tissue tissue)
        {
            var lesion = _lesion!;
            var s = lesion.RelativeRadius(p);
            if (s > 2.2) return;
            var k = lesion.ContrastScale;
            var texture = Math.Sin(0.45 * p.X + 1.3) * Math.Sin(0.41 * p.Y + 0.7) * Math.Sin(0.37 * p.Z + 2.1);
            var softness = _soft / lesion.Radius;
            void Layer(double inside, double intensity, Tissue label, ref double v, ref Tissue t)
            {
                var f = Math.Clamp(0.5 + inside / (2 * softness), 0, 1);
                if (f <= 0) return;
                v += f * k * (intensity - v);
                if (f >= 0.5) t = label;
            }
            switch (lesion.Kind)
            {
                case LesionKind.Glioma:
                    if (tissue is Tissue.Grey or Tissue.White or Tissue.Oedema or Tissue.Hippocampus)
                        Layer(1.8 - s, 0.72 * _c.Grey, Tissue.Oedema, ref value, ref tissue);
                    Layer(1 - s, 1.2 * _c.White * (1 + 0.15 * texture), Tissue.TumourEnhancing, ref value, ref tissue);
                    Layer(0.55 - s, 0.8 * _c.Csf + 0.2 * _c.Grey, Tissue.TumourNecrosis, ref value, ref tissue);
                    break;
                case LesionKind.Meningioma:
                    if (depth - innerTable > -_soft)
                    {
                        Layer(1 - s, 1.45 * _c.White * (1 + 0.02 * texture), Tissue.Meningioma, ref value, ref tissue);
                        var tail = (p - lesion.Centre).Length < 2 * lesion.Radius && depth - innerTable < 2.0;
                        if (tail && tissue is Tissue.Dura or Tissue.Csf) Layer(1, 1.1 * _c.Dura, Tissue.Dura, ref value, ref tissue);
                    }
                    break;
                default:
                    Layer(1 - s, 1.3 * _c.White * (1 + 0.06 * texture), Tissue.Pituitary, ref value, ref tissue);
                    break;
            }
        }

        /// <summary>Approximate signed depth (mm) inside an ellipsoid: positive inside.</summary>
        private static double EllipsoidInside(Vec3 p, Vec3 centre, Vec3 radii)
        {
            var q = p - centre;
            var n = Math.Sqrt(q.X * q.X / (radii.X * radii.X) + q.Y * q.Y / (radii.Y * radii.Y) + q.Z * q.Z / (radii.Z * radii.Z));
            return (1 - n) * Math.Min(radii.X, Math.Min(radii.Y, radii.Z));
        }
    }
}
