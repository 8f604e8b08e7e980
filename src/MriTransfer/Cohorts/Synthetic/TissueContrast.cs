using MriTransfer.Randomness;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>
/// Intensities of each tissue for one scan. Two looks model the domain shift between cohorts:
/// a T1-weighted gradient echo (AD cohort: bright white matter, strong grey/white contrast, dark CSF) and a
/// contrast-enhanced T1 spin echo (BT cohort: weaker grey/white contrast, enhancing dura and choroid plexus,
/// brighter scalp fat, a different scanner gain).
/// </summary>
public sealed record TissueContrast(
    double Scalp, double Skull, double Csf, double Grey, double White, double Dura, double Gain, double TemplateGamma = 1)
{
    public static TissueContrast T1(SeededRandom rng, int site) => Vary(rng, site,
        new TissueContrast(Scalp: 0.70, Skull: 0.10, Csf: 0.10, Grey: 0.52, White: 0.88, Dura: 0.12, Gain: 1000, TemplateGamma: 1.0));

    public static TissueContrast ContrastEnhancedT1(SeededRandom rng, int site) => Vary(rng, site,
        new TissueContrast(Scalp: 0.92, Skull: 0.08, Csf: 0.20, Grey: 0.56, White: 0.70, Dura: 0.95, Gain: 420, TemplateGamma: 0.7));

    /// <summary>Per-site and per-scan variation of contrast and gain ("scanner contrast").</summary>
    private static TissueContrast Vary(SeededRandom rng, int site, TissueContrast c)
    {
        var siteGain = 1 + 0.12 * (site - 1);
        var gamma = rng.Normal(1, 0.06) * (1 + 0.05 * (site - 1));
        double V(double v) => Math.Pow(Math.Clamp(v * rng.Normal(1, 0.03), 0.01, 2), gamma);
        return new TissueContrast(V(c.Scalp), V(c.Skull), V(c.Csf), V(c.Grey), V(c.White), V(c.Dura), c.Gain * siteGain * rng.Normal(1, 0.05), c.TemplateGamma * gamma);
    }
}
