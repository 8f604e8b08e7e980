using MriTransfer.Randomness;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>
/// The Alzheimer's cohort: CN / MCI / AD in turn (balanced), T1 gradient-echo look (or, with <c>ad_contrast: t1ce</c>, the
/// BT cohort's contrast-enhanced T1 look), graded atrophy:
/// disease severity enlarges the ventricles and outer CSF, thins the cortex, widens the sulci and
/// shrinks the hippocampi (medial temporal lobes); age adds a little global atrophy.
/// </summary>
public static class AdCohortPlan
{
    public static readonly string[] Classes = ["CN", "MCI", "AD"];

    public static IReadOnlyList<SyntheticScan> Plan(SyntheticCohortSettings settings, HeadTemplate? template = null) =>
        Enumerable.Range(0, settings.AdSubjects).Select(i => Scan(settings, i, template)).ToList();

    public static SyntheticScan Scan(SyntheticCohortSettings settings, int index, HeadTemplate? template = null)
    {
        var rng = SeededRandom.ForSynthesis(settings.Seed, "ad", index);
        var label = Classes[index % Classes.Length];
        var severity = label switch
        {
            "CN" => rng.Uniform(0.0, 0.15),
            "MCI" => rng.Uniform(0.3, 0.55),
            _ => rng.Uniform(0.6, 0.95),
        };
        var age = (int)Math.Round(label switch { "CN" => rng.Uniform(58, 84), "MCI" => rng.Uniform(60, 87), _ => rng.Uniform(62, 90) });
        var ageFactor = Math.Clamp((age - 55) / 35.0, 0, 1);
        var head = HeadAnatomy.Random(rng,
            globalAtrophy: 0.2 * ageFactor + 0.7 * severity + rng.Normal(0, 0.04),
            hippocampalAtrophy: 0.9 * severity + 0.1 * ageFactor + rng.Normal(0, 0.05), template);
        var site = 1 + (int)rng.Uniform(0, 3);
        var (rotation, shift) = PhantomSubject.RandomPose(rng, settings.MaxRotationDeg, settings.MaxShiftMm);
        // ad_contrast t1ce gives the AD cohort the BT cohort's look (same draws, so only the contrast changes).
        var contrast = settings.AdContrast == AdContrast.T1ce ? TissueContrast.ContrastEnhancedT1(rng, site) : TissueContrast.T1(rng, site);
        var phantom = new PhantomSubject(head, contrast, null, rotation, shift,
            PhantomSubject.RandomBias(rng, settings.BiasField), settings.Noise * rng.Uniform(0.8, 1.2), rng.NextUInt64(), template);
        var id = $"ad-{index + 1:D4}";
        return new SyntheticScan(id, id, label, age, rng.NextDouble() < 0.5 ? "F" : "M", $"ad-site-{site}", phantom, severity);
    }
}
