using System.Numerics;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>
/// Computes a voxel's noiseless intensity and dominant tissue by painting nested layers (<see cref="PhantomRenderer"/>
/// walks the grid). Structures are skipped where they cannot reach: outside an ellipsoid bounding the head, outside an
/// ellipsoid's bounding box, beyond a lesion's reach; skipping changes no value.
/// </summary>
internal sealed class PhantomPainter
{
    private readonly HeadAnatomy _head;
    private readonly TissueContrast _c;
    private readonly Lesion? _lesion;
    private readonly HeadTemplate? _template;
    private readonly double _soft, _rampSlope;
    private readonly Ellipsoid[] _ventricles, _deepGrey, _hippocampusCsf, _hippocampi, _templateVentricles, _templateHippocampusCsf;
    private readonly double _invRx2, _invRy2, _invRz2, _t0, _t1, _t2, _t3, _foldScale, _lesionReach2;
    private readonly double _cortexThickness, _sulcusDepth, _sulcusHalfWidth, _brainDepth;

    public PhantomPainter(PhantomSubject s, double soft)
    {
        _head = s.Head;
        _c = s.Contrast;
        _lesion = s.Lesion;
        _template = s.Template;
        _soft = soft;
        _rampSlope = 1 / (2 * soft);
        var head = s.Head;
        _ventricles = head.Ventricles().Select(v => new Ellipsoid(v.Centre, v.Radii, soft)).ToArray();
        _deepGrey = head.DeepGrey().Select(v => new Ellipsoid(v.Centre, v.Radii, soft)).ToArray();
        var hippocampi = head.Hippocampi().ToArray();
        _hippocampusCsf = hippocampi.Select(h => new Ellipsoid(h.Centre, h.CsfRadii, soft)).ToArray();
        _hippocampi = hippocampi.Select(h => new Ellipsoid(h.Centre, h.Radii, soft)).ToArray();
        var g = head.GlobalAtrophy;
        _templateVentricles = head.Ventricles().Select(v => new Ellipsoid(v.Centre, (0.3 + 0.7 * g) * v.Radii, soft)).ToArray();
        var h = head.HippocampalAtrophy;
        _templateHippocampusCsf = h > 0.2 ? hippocampi.Select(x => new Ellipsoid(x.Centre, (h - 0.2) * x.CsfRadii, soft)).ToArray() : [];
        _invRx2 = 1 / (head.Radii.X * head.Radii.X);
        _invRy2 = 1 / (head.Radii.Y * head.Radii.Y);
        _invRz2 = 1 / (head.Radii.Z * head.Radii.Z);
        (_t0, _t1, _t2, _t3) = (head.ShapeTerms[0], head.ShapeTerms[1], head.ShapeTerms[2], head.ShapeTerms[3]);
        _foldScale = 0.6 / Math.Sqrt(head.Folds.Length) * HeadAnatomy.FoldMm;
        _cortexThickness = head.CortexThickness;
        _sulcusDepth = head.SulcusDepth;
        _sulcusHalfWidth = head.SulcusHalfWidth;
        _brainDepth = head.BrainDepth;
        // Along a ray the scalp surface lies within the head ellipsoid's radius × (1 + Σ|shape terms|), so inside the
        // ellipsoid of radii R × (1 + Σ|shape terms|); nothing is painted 2 × soft beyond it (1 mm more for safety).
        var grow = 1 + head.ShapeTerms.Sum(Math.Abs);
        var margin = 2 * soft + 1;
        Bound = new Vec3(head.Radii.X * grow + margin, head.Radii.Y * grow + margin, head.Radii.Z * grow + margin);
        // A lesion paints nothing where its relative radius exceeds 2.2; glioma lobulation shrinks the radius to at most 0.52×.
        _lesionReach2 = _lesion is null ? 0 : Math.Pow(2.2 * _lesion.Radius / 0.52 * 1.01, 2);
    }

    /// <summary>Radii of an ellipsoid around the head's centre outside which every voxel is background.</summary>
    public Vec3 Bound { get; }

    /// <param name="x">the voxel's index along its row, for <paramref name="folds"/> (the folding field, kept along the row).</param>
    /// <param name="depth">how deep p lies below the scalp surface (<see cref="RowDepths"/>); nothing is painted below −2 × soft.</param>
    public (double Value, Tissue Tissue) Paint(Vec3 p, double depth, int x, PhantomRenderer.FoldWaves folds)
    {
        if (depth < -2 * _soft) return (0, Tissue.Background);
        var rr = p.X * p.X + p.Y * p.Y + p.Z * p.Z;
        double value = 0;
        var tissue = Tissue.Background;
        void Layer(double inside, double intensity, Tissue label)
        {
            var f = Math.Clamp(0.5 + inside * _rampSlope, 0, 1);
            if (f <= 0) return;
            value += f * (intensity - value);
            if (f >= 0.5) tissue = label;
        }

        Layer(depth, _c.Scalp, Tissue.Scalp);
        Layer(depth - HeadAnatomy.ScalpThickness, _c.Skull, Tissue.Skull);
        var inner = HeadAnatomy.ScalpThickness + HeadAnatomy.SkullThickness;
        Layer(depth - inner, _c.Dura, Tissue.Dura);
        Layer(depth - inner - 1.2, _c.Csf, Tissue.Csf);
        var brain = depth - _brainDepth;
        if (brain > -2 * _soft)
        {
            var thickness = _cortexThickness;
            // Below the deepest sulcus the folding field cannot matter.
            var sulcusDistance = brain > _sulcusDepth + thickness + 2 * _soft ? 1e3 : Math.Abs(folds.Sum(x, p) * _foldScale);
            var halfWidth = _sulcusHalfWidth;
            // Cortex: a ribbon under the surface that also lines every sulcus; white matter below it;
            // sulcal CSF: thin sheets along the folding field's zero set, down to the sulcal depth.
            Layer(brain, _c.Grey, Tissue.Grey);
            var whiteInside = Math.Min(brain - thickness, Math.Max(sulcusDistance - halfWidth - thickness, brain - _sulcusDepth - thickness));
            Layer(whiteInside, _c.White, Tissue.White);
            Layer(Math.Min(_sulcusDepth - brain, halfWidth - sulcusDistance), _c.Csf, Tissue.Csf);
            // Deep structures all lie within 60 mm of the centre: skip their tests elsewhere.
            if (rr < 60 * 60)
            {
                foreach (var e in _deepGrey) if (e.Reaches(p)) Layer(e.Inside(p), 0.5 * (_c.Grey + _c.White), Tissue.Grey);
                foreach (var e in _ventricles) if (e.Reaches(p)) Layer(e.Inside(p), _c.Csf, Tissue.Ventricle);
                for (var i = 0; i < _hippocampi.Length; i++)
                {
                    if (!_hippocampusCsf[i].Reaches(p)) continue;
                    Layer(_hippocampusCsf[i].Inside(p), _c.Csf, Tissue.Csf);
                    if (_hippocampi[i].Reaches(p)) Layer(_hippocampi[i].Inside(p), _c.Grey * 1.03, Tissue.Hippocampus);
                }
            }
        }
        if (_template is not null) PaintFromTemplate(p, rr, ref value);
        if (_lesion is not null && (p - _lesion.Centre).Dot(p - _lesion.Centre) < _lesionReach2) PaintLesion(p, depth, inner, ref value, ref tissue);
        return (value, tissue);
    }

    /// <summary>Voxels nearer the scalp surface than this (or inside it) are painted; deeper outside, background.</summary>
    public double BackgroundDepth => -2 * _soft;

    /// <summary>
    /// <see cref="HeadAnatomy.Depth"/> (with cached constants) of the voxels first..last of a row whose head-frame point is
    /// p0 + x·step, written to depth[x]. Vectorised; element-wise IEEE operations in the scalar formula's order, so
    /// every vector width (and the scalar tail) gives the same bits.
    /// </summary>
    public void RowDepths(Vec3 p0, Vec3 step, int first, int last, Span<double> depth)
    {
        var x = first;
        var lanes = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && last - first + 1 >= lanes)
        {
            Span<double> offsets = stackalloc double[lanes];
            for (var k = 0; k < lanes; k++) offsets[k] = k;
            var lane = new Vector<double>(offsets);
            for (; x + lanes - 1 <= last; x += lanes)
            {
                var xs = new Vector<double>((double)x) + lane;
                var px = new Vector<double>(p0.X) + xs * new Vector<double>(step.X);
                var py = new Vector<double>(p0.Y) + xs * new Vector<double>(step.Y);
                var pz = new Vector<double>(p0.Z) + xs * new Vector<double>(step.Z);
                var rr = px * px + py * py + pz * pz;
                var r = Vector.SquareRoot(rr);
                var ellipse = r / Vector.SquareRoot(px * px * new Vector<double>(_invRx2) + py * py * new Vector<double>(_invRy2) + pz * pz * new Vector<double>(_invRz2));
                var shape = Vector<double>.One + (new Vector<double>(_t0) * px * py + new Vector<double>(_t1) * py * pz + new Vector<double>(_t2) * px * pz + new Vector<double>(_t3) * pz * pz) / rr;
                (ellipse * shape - r).CopyTo(depth[x..]);
                if (Vector.LessThanAny(rr, new Vector<double>(1e-18)))
                    for (var k = x; k < x + lanes; k++) depth[k] = Depth(p0 + k * step);
            }
        }
        for (; x <= last; x++) depth[x] = Depth(p0 + x * step);
    }

    /// <summary>How deep p lies below the scalp surface along its ray from the centre (<see cref="HeadAnatomy.Depth"/>, with cached constants).</summary>
    private double Depth(Vec3 p)
    {
        var rr = p.X * p.X + p.Y * p.Y + p.Z * p.Z;
        if (rr < 1e-18) return _head.SurfaceRadius(new Vec3(0, 0, 1));
        var r = Math.Sqrt(rr);
        // With u = p / r: 1 / sqrt(Σ u²/R²) = r / sqrt(Σ p²/R²), and the shape terms are quadratic in u.
        var ellipse = r / Math.Sqrt(p.X * p.X * _invRx2 + p.Y * p.Y * _invRy2 + p.Z * p.Z * _invRz2);
        var shape = 1 + (_t0 * p.X * p.Y + _t1 * p.Y * p.Z + _t2 * p.X * p.Z + _t3 * p.Z * p.Z) / rr;
        return ellipse * shape - r;
    }

    /// <summary>
    /// Template mode: the template's intensity replaces the procedural layers (whose labels stay as an
    /// approximation), then atrophy is painted on top: ventricles growing with global atrophy, CSF
    /// replacing the hippocampi as they shrink.
    /// </summary>
    private void PaintFromTemplate(Vec3 p, double rr, ref double value)
    {
        var template = _template!;
        value = _c.White * Math.Pow(template.Sample(template.ToTemplate(p, _head.Radii)), _c.TemplateGamma);
        if (rr >= 60 * 60) return;
        void Paint(double inside, double intensity, ref double v)
        {
            var f = Math.Clamp(0.5 + inside * _rampSlope, 0, 1);
            v += f * (intensity - v);
        }
        foreach (var e in _templateVentricles) if (e.Reaches(p)) Paint(e.Inside(p), _c.Csf, ref value);
        foreach (var e in _templateHippocampusCsf) if (e.Reaches(p)) Paint(e.Inside(p), _c.Csf, ref value);
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

    /// <summary>An ellipsoid with the box beyond which it paints nothing (its signed depth is below −soft there).</summary>
    private readonly struct Ellipsoid
    {
        private readonly Vec3 _centre;
        private readonly double _ix2, _iy2, _iz2, _minRadius, _bx, _by, _bz;

        public Ellipsoid(Vec3 centre, Vec3 radii, double soft)
        {
            _centre = centre;
            (_ix2, _iy2, _iz2) = (1 / (radii.X * radii.X), 1 / (radii.Y * radii.Y), 1 / (radii.Z * radii.Z));
            _minRadius = Math.Min(radii.X, Math.Min(radii.Y, radii.Z));
            // inside = (1 − n) · min radius ≤ −soft ⇔ n ≥ 1 + soft / min radius, and n ≥ |q.x| / radius.x per axis.
            var grow = (1 + soft / _minRadius) * 1.001;
            (_bx, _by, _bz) = (radii.X * grow, radii.Y * grow, radii.Z * grow);
        }

        public bool Reaches(Vec3 p) =>
            Math.Abs(p.X - _centre.X) < _bx && Math.Abs(p.Y - _centre.Y) < _by && Math.Abs(p.Z - _centre.Z) < _bz;

        /// <summary>Approximate signed depth (mm) inside the ellipsoid: positive inside.</summary>
        public double Inside(Vec3 p)
        {
            var q = p - _centre;
            return (1 - Math.Sqrt(q.X * q.X * _ix2 + q.Y * q.Y * _iy2 + q.Z * q.Z * _iz2)) * _minRadius;
        }
    }
}
