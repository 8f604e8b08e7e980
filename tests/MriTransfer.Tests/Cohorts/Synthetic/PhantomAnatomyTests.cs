using MriTransfer.Cohorts.Synthetic;
using MriTransfer.Randomness;

namespace MriTransfer.Tests.Cohorts.Synthetic;

public sealed class PhantomAnatomyTests
{
    private static readonly int[] Shape = [48, 56, 52];
    private const double Spacing = 3.5;

    private static Tissue[] Labels(PhantomSubject subject)
    {
        var labels = new Tissue[Shape[0] * Shape[1] * Shape[2]];
        PhantomRenderer.Render(subject, Shape, Spacing, labels);
        return labels;
    }

    private static PhantomSubject Upright(HeadAnatomy head, Lesion? lesion = null)
    {
        var rng = new SeededRandom(1);
        return new PhantomSubject(head, TissueContrast.ContrastEnhancedT1(rng, 1), lesion, new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, new Vec3(0, 0, 0), new double[6], 0, 1);
    }

    private static HeadAnatomy Head(double global, double hippocampal) => HeadAnatomy.Random(new SeededRandom(42), global, hippocampal);

    [Fact]
    public void Given_increasing_AD_severity_When_rendered_Then_ventricles_grow_and_hippocampi_shrink()
    {
        var counts = new[] { 0.0, 0.5, 1.0 }.Select(s => Labels(Upright(Head(s, s)))).Select(l =>
            (Ventricles: l.Count(t => t == Tissue.Ventricle), Hippocampi: l.Count(t => t == Tissue.Hippocampus), White: l.Count(t => t == Tissue.White))).ToList();

        Assert.True(counts[0].Ventricles < counts[1].Ventricles && counts[1].Ventricles < counts[2].Ventricles, $"ventricles: {string.Join(", ", counts.Select(c => c.Ventricles))}");
        Assert.True(counts[0].Hippocampi > counts[2].Hippocampi, $"hippocampi: {string.Join(", ", counts.Select(c => c.Hippocampi))}");
        Assert.True(counts[0].White > counts[2].White, $"white matter: {string.Join(", ", counts.Select(c => c.White))}");
    }

    [Fact]
    public void Given_the_AD_cohort_When_planned_Then_mean_severity_rises_from_CN_to_MCI_to_AD()
    {
        var plan = AdCohortPlan.Plan(TestSettings.Synthesis with { AdSubjects = 30 });
        double Mean(string label) => plan.Where(s => s.Label == label).Average(s => s.Phantom.Head.GlobalAtrophy);

        Assert.True(Mean("CN") < Mean("MCI") && Mean("MCI") < Mean("AD"));
    }

    private static IEnumerable<(int X, int Y, int Z)> Voxels(Tissue[] labels, params Tissue[] kinds)
    {
        for (var z = 0; z < Shape[2]; z++)
            for (var y = 0; y < Shape[1]; y++)
                for (var x = 0; x < Shape[0]; x++)
                    if (kinds.Contains(labels[x + Shape[0] * (y + Shape[1] * z)])) yield return (x, y, z);
    }

    private static bool TouchesAny(Tissue[] labels, IEnumerable<(int X, int Y, int Z)> voxels, params Tissue[] kinds)
    {
        foreach (var (x, y, z) in voxels)
            for (var dz = -1; dz <= 1; dz++)
                for (var dy = -1; dy <= 1; dy++)
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int i = x + dx, j = y + dy, k = z + dz;
                        if (i < 0 || j < 0 || k < 0 || i >= Shape[0] || j >= Shape[1] || k >= Shape[2]) continue;
                        if (kinds.Contains(labels[i + Shape[0] * (j + Shape[1] * k)])) return true;
                    }
        return false;
    }

    private static (Tissue[] Labels, List<(int X, int Y, int Z)> Lesion) Tumour(LesionKind kind, int seed, params Tissue[] lesionTissues)
    {
        var head = Head(0.1, 0.05);
        var lesion = Lesion.Random(kind, head, new SeededRandom((ulong)seed), difficulty: 0);
        var labels = Labels(Upright(head, lesion));
        return (labels, Voxels(labels, lesionTissues).ToList());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Given_a_meningioma_When_rendered_Then_it_touches_the_skull(int seed)
    {
        var (labels, voxels) = Tumour(LesionKind.Meningioma, seed, Tissue.Meningioma);

        Assert.NotEmpty(voxels);
        Assert.True(TouchesAny(labels, voxels, Tissue.Skull), "a meningioma is dural-based: it should abut the inner skull table");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Given_a_glioma_When_rendered_Then_it_is_intra_axial_and_never_touches_skull_or_scalp(int seed)
    {
        var (labels, voxels) = Tumour(LesionKind.Glioma, seed, Tissue.TumourEnhancing, Tissue.TumourNecrosis);

        Assert.NotEmpty(voxels);
        Assert.False(TouchesAny(labels, voxels, Tissue.Skull, Tissue.Scalp, Tissue.Background));
        Assert.Contains(Tissue.Oedema, labels);
        Assert.Contains(Tissue.TumourNecrosis, labels);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Given_a_pituitary_tumour_When_rendered_Then_it_sits_on_the_midline_below_the_centre(int seed)
    {
        var (_, voxels) = Tumour(LesionKind.Pituitary, seed, Tissue.Pituitary);

        Assert.NotEmpty(voxels);
        var x = voxels.Average(v => (v.X - (Shape[0] - 1) / 2.0) * Spacing);
        var z = voxels.Average(v => (v.Z - (Shape[2] - 1) / 2.0) * Spacing);
        Assert.True(Math.Abs(x) < 4, $"centroid x = {x:F1} mm, expected on the midline");
        Assert.True(z < -25, $"centroid z = {z:F1} mm, expected well below the head's centre");
    }

    [Fact]
    public void Given_a_higher_difficulty_When_a_tumour_is_placed_Then_it_is_smaller_and_fainter()
    {
        var head = Head(0.1, 0.05);

        var easy = Lesion.Random(LesionKind.Glioma, head, new SeededRandom(9), difficulty: 0);
        var hard = Lesion.Random(LesionKind.Glioma, head, new SeededRandom(9), difficulty: 1);

        Assert.True(hard.Radius < easy.Radius);
        Assert.True(hard.ContrastScale < easy.ContrastScale);
    }
}
