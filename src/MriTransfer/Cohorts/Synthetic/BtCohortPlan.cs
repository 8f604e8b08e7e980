using MriTransfer.Cohorts.Splitting;
using MriTransfer.Randomness;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>
/// The brain-tumour cohort: no_tumor / glioma / meningioma / pituitary in turn per patient (balanced),
/// contrast-enhanced T1 look (the domain shift from the AD cohort), mild age-related atrophy only.
/// A fraction of patients is scanned twice (same anatomy and tumour, slightly grown; new pose, bias, noise),
/// so patient-grouped splits matter. With <see cref="SyntheticCohortSettings.TestSeed"/> the test patients
/// (<c>bt-t…</c>) come from that seed and are marked <c>test</c>, the others (<c>bt-p…</c>, from the master seed, drawn
/// exactly as without a test seed) <c>train</c>; Preprocess then carves val out of train.
/// </summary>
public static class BtCohortPlan
{
    public static readonly string[] Classes = ["no_tumor", "glioma", "meningioma", "pituitary"];

    public static IReadOnlyList<SyntheticScan> Plan(SyntheticCohortSettings settings, HeadTemplate? template = null)
    {
        if (settings.TestSeed is not { } testSeed) return Patients(settings, settings.Seed, "bt", "bt-p", settings.BtSubjects, split: null, template);
        var test = settings.BtTestScans;
        return [.. Patients(settings, settings.Seed, "bt", "bt-p", settings.BtSubjects - test, SplitNames.Train, template),
                .. Patients(settings, testSeed, "bt-test", "bt-t", test, SplitNames.Test, template)];
    }

    /// <summary>Patients from one seed, in turn per class, until <paramref name="scans"/> scans (a second scan only when it fits).</summary>
    private static List<SyntheticScan> Patients(SyntheticCohortSettings settings, int seed, string stream, string idPrefix, int scans,
        string? split, HeadTemplate? template)
    {
        var list = new List<SyntheticScan>(scans);
        for (var patient = 0; list.Count < scans; patient++)
        {
            var rng = SeededRandom.ForSynthesis(seed, $"{stream}-patient", patient);
            var label = Classes[patient % Classes.Length];
            var age = (int)Math.Round(rng.Uniform(22, 78));
            var head = HeadAnatomy.Random(rng, globalAtrophy: Math.Max(0, (age - 40) / 120.0 + rng.Normal(0, 0.03)), hippocampalAtrophy: Math.Max(0, rng.Normal(0.05, 0.03)), template);
            var lesion = label == "no_tumor" ? null : Lesion.Random(Enum.Parse<LesionKind>(label, ignoreCase: true), head, rng, settings.Difficulty);
            var site = 1 + (int)rng.Uniform(0, 2);
            var sex = rng.NextDouble() < 0.5 ? "F" : "M";
            var twice = rng.NextDouble() < settings.BtRepeatFraction && scans - list.Count >= 2;
            var growth = rng.Uniform(1.0, 1.15);
            var patientId = $"{idPrefix}{patient + 1:D4}";
            for (var session = 1; session <= (twice ? 2 : 1); session++)
            {
                var scanRng = SeededRandom.ForSynthesis(seed, $"{stream}-scan-{session}", patient);
                var (rotation, shift) = PhantomSubject.RandomPose(scanRng, settings.MaxRotationDeg, settings.MaxShiftMm);
                var phantom = new PhantomSubject(head, TissueContrast.ContrastEnhancedT1(scanRng, site),
                    session == 1 ? lesion : lesion?.Grown(growth), rotation, shift,
                    PhantomSubject.RandomBias(scanRng, settings.BiasField), settings.Noise * scanRng.Uniform(0.8, 1.2), scanRng.NextUInt64(), template);
                // A repeat scan of a test patient is a test scan: the split belongs to the patient.
                list.Add(new SyntheticScan($"{patientId}-s{session}", patientId, label, age + (session - 1), sex, $"bt-site-{site}", phantom, Split: split));
            }
        }
        return list;
    }
}
