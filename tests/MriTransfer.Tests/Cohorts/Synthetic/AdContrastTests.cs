using MriTransfer.Cohorts.Synthetic;

namespace MriTransfer.Tests.Cohorts.Synthetic;

public sealed class AdContrastTests
{
    private static readonly SyntheticCohortSettings Settings = TestSettings.Synthesis with { Seed = 5, AdSubjects = 6, BtSubjects = 8 };

    [Fact]
    public void Given_ad_contrast_t1ce_When_an_AD_scan_is_planned_Then_it_has_the_BT_look_and_the_same_anatomy()
    {
        var t1 = AdCohortPlan.Scan(Settings, 0);
        var t1ce = AdCohortPlan.Scan(Settings with { AdContrast = AdContrast.T1ce }, 0);

        Assert.Equal(t1.Phantom.Head.Radii, t1ce.Phantom.Head.Radii);
        Assert.Equal(t1.Severity, t1ce.Severity);
        Assert.True(t1ce.Phantom.Contrast.Dura > t1ce.Phantom.Contrast.White, "enhancing dura, as in BT");
        Assert.True(t1.Phantom.Contrast.Dura < t1.Phantom.Contrast.Grey, "dark dura in T1");
        Assert.InRange(t1ce.Phantom.Contrast.Gain, 300, 600);
    }

    [Fact]
    public void Given_the_default_When_bound_Then_the_AD_cohort_keeps_its_T1_look()
    {
        var s = TestParams.Load().Bind<SyntheticCohortSettings>("synthesize");

        Assert.Equal(AdContrast.T1, s.AdContrast);
        Assert.NotNull(s.TestSeed);
        Assert.NotEqual(s.Seed, s.TestSeed);
    }
}
