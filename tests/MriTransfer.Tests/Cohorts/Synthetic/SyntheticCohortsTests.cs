using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Synthetic;
using MriTransfer.Imaging;
using MriTransfer.Tests.Imaging;

namespace MriTransfer.Tests.Cohorts.Synthetic;

public sealed class SyntheticCohortsTests
{
    private static readonly SyntheticCohortSettings Tiny = TestSettings.Synthesis with { Seed = 5, AdSubjects = 6, BtSubjects = 8, Shape = [20, 24, 22], SpacingMm = 9, BtRepeatFraction = 0.5 };

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    [Fact]
    public void Given_the_same_seed_and_different_thread_counts_When_generated_twice_Then_every_file_is_byte_identical()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();

        SyntheticCohorts.Generate(Tiny with { Threads = 1 }, a.Path);
        SyntheticCohorts.Generate(Tiny with { Threads = 3 }, b.Path);

        var first = Files(a.Path);
        var second = Files(b.Path);
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach (var (name, bytes) in first) Assert.True(bytes.AsSpan().SequenceEqual(second[name]), $"{name} differs");
    }

    [Fact]
    public void Given_another_seed_When_generated_Then_the_images_differ()
    {
        var one = PhantomRenderer.Render(AdCohortPlan.Scan(Tiny, 0).Phantom, Tiny.Shape, Tiny.SpacingMm);
        var other = PhantomRenderer.Render(AdCohortPlan.Scan(Tiny with { Seed = 6 }, 0).Phantom, Tiny.Shape, Tiny.SpacingMm);

        Assert.NotEqual(one.Data, other.Data);
    }

    [Fact]
    public void Given_default_like_settings_When_generated_Then_manifests_list_every_subject_with_readable_images_and_all_columns()
    {
        using var temp = new TempFolder();

        var summary = SyntheticCohorts.Generate(Tiny, temp.Path);

        var ad = CohortManifest.Load(summary.AdManifest);
        var bt = CohortManifest.Load(summary.BtManifest);
        Assert.Equal(6, ad.Count);
        Assert.Equal(8, bt.Count);
        Assert.Equal(["AD", "CN", "MCI"], ad.Select(s => s.Label).Distinct().Order());
        Assert.Equal(BtCohortPlan.Classes.Order(), bt.Select(s => s.Label).Distinct().Order());
        Assert.Equal("subject_id,path,label,patient_id,age,sex,site", File.ReadLines(summary.BtManifest).First());
        Assert.True(bt.Select(s => s.PatientId).Distinct().Count() < bt.Count, "some BT patients should have two scans");
        var volume = VolumeIO.Read(bt[0].Path);
        Assert.Equal(Tiny.Shape, volume.Shape);
        Assert.True(File.Exists(Path.Combine(temp.Path, "synthesis.json")));
    }

    [Fact]
    public void Given_settings_with_AD_three_times_BT_When_planned_Then_each_cohort_has_its_count()
    {
        var defaults = TestSettings.Synthesis;

        Assert.Equal(3 * defaults.BtSubjects, defaults.AdSubjects);
        Assert.Equal(defaults.BtSubjects, BtCohortPlan.Plan(defaults).Count);
        Assert.Equal(defaults.AdSubjects, AdCohortPlan.Plan(defaults).Count);
    }

    [Fact]
    public void Given_a_default_head_When_rendered_Then_it_fits_inside_the_field_of_view()
    {
        var settings = TestSettings.Synthesis;
        var labels = new Tissue[64 * 64 * 64];

        PhantomRenderer.Render(AdCohortPlan.Scan(settings, 0).Phantom, settings.Shape, settings.SpacingMm, labels);

        for (var z = 0; z < 64; z++)
            for (var y = 0; y < 64; y++)
                foreach (var x in new[] { 0, 63 })
                    Assert.Equal(Tissue.Background, labels[x + 64 * (y + 64 * z)]);
    }
}
