using System.Diagnostics;
using System.Text.Json;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Imaging;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>What <see cref="SyntheticCohorts.Generate"/> wrote.</summary>
public sealed record SyntheticCohortSummary(
    string AdManifest, string BtManifest, IReadOnlyDictionary<string, int> AdCounts,
    IReadOnlyDictionary<string, int> BtCounts, int BtPatients, double Seconds, int BtTestScans = 0);

/// <summary>
/// Entry point of the Synthesize stage: renders the AD and BT cohorts as NIfTI files with a manifest.csv each
/// (<c>ad/manifest.csv</c>, <c>bt/manifest.csv</c>, images under <c>images/</c>), plus <c>synthesis.json</c>
/// recording the settings. Subjects are rendered in parallel, each from its own seeded generator, so the
/// bytes written do not depend on the thread count.
/// </summary>
public static class SyntheticCohorts
{
    public static SyntheticCohortSummary Generate(SyntheticCohortSettings settings, string outputDir, Action<string>? progress = null)
    {
        settings.Validate();
        var clock = Stopwatch.StartNew();
        var template = settings.TemplatePath is { } path ? HeadTemplate.Load(path) : null;
        var ad = AdCohortPlan.Plan(settings, template);
        var bt = BtCohortPlan.Plan(settings, template);
        var adManifest = Path.Combine(outputDir, "ad", "manifest.csv");
        var btManifest = Path.Combine(outputDir, "bt", "manifest.csv");
        var all = ad.Select(s => (Scan: s, Folder: Path.Combine(outputDir, "ad")))
            .Concat(bt.Select(s => (Scan: s, Folder: Path.Combine(outputDir, "bt")))).ToList();
        var extension = settings.Compress ? ".nii.gz" : ".nii";
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads > 0 ? settings.Threads : Environment.ProcessorCount };
        var voxels = (long)settings.Shape[0] * settings.Shape[1] * settings.Shape[2];
        // One voxel buffer per worker, reused for every subject it renders: no large-object allocation (and page
        // clearing) per subject.
        Parallel.ForEach(all, parallel, () => new float[voxels], (item, _, buffer) =>
        {
            var volume = PhantomRenderer.Render(item.Scan.Phantom, settings.Shape, settings.SpacingMm, labels: null, buffer);
            VolumeIO.WriteNifti(volume, Path.Combine(item.Folder, "images", item.Scan.SubjectId + extension));
            var n = Interlocked.Increment(ref done);
            if (n % 10 == 0 || n == all.Count) progress?.Invoke($"synthesized {n}/{all.Count} subjects");
            return buffer;
        }, _ => { });

        CohortManifestWriter.Write(adManifest, ad.Select(s => Row(s, Path.Combine(outputDir, "ad"), extension)));
        CohortManifestWriter.Write(btManifest, bt.Select(s => Row(s, Path.Combine(outputDir, "bt"), extension)));
        var summary = new SyntheticCohortSummary(adManifest, btManifest, Counts(ad), Counts(bt),
            bt.Select(s => s.PatientId).Distinct().Count(), clock.Elapsed.TotalSeconds, bt.Count(s => s.Split == SplitNames.Test));
        WriteRecord(settings, summary, Path.Combine(outputDir, "synthesis.json"));
        return summary;
    }

    private static CohortSubject Row(SyntheticScan s, string folder, string extension) =>
        new(s.SubjectId, Path.Combine(folder, "images", s.SubjectId + extension), s.Label, s.PatientId, s.Age, s.Sex, s.Site, s.Split);

    private static IReadOnlyDictionary<string, int> Counts(IEnumerable<SyntheticScan> scans) =>
        scans.GroupBy(s => s.Label).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Records the settings and counts (no timings, so the file is identical for identical settings).</summary>
    private static void WriteRecord(SyntheticCohortSettings settings, SyntheticCohortSummary summary, string path)
    {
        var record = new
        {
            generator = "MriTransfer synthetic head phantoms v1",
            settings = new
            {
                seed = settings.Seed, ad_subjects = settings.AdSubjects, bt_subjects = settings.BtSubjects,
                shape = settings.Shape, spacing_mm = settings.SpacingMm, difficulty = settings.Difficulty,
                noise = settings.Noise, bias_field = settings.BiasField, max_rotation_deg = settings.MaxRotationDeg,
                max_shift_mm = settings.MaxShiftMm, bt_repeat_fraction = settings.BtRepeatFraction, compress = settings.Compress,
                ad_contrast = settings.AdContrast == AdContrast.T1ce ? "t1ce" : "t1", test_seed = settings.TestSeed,
                bt_test_fraction = settings.TestSeed is null ? (double?)null : settings.BtTestFraction,
                template = settings.TemplatePath is null ? null : Path.GetFileName(settings.TemplatePath),
            },
            ad = new { classes = AdCohortPlan.Classes, counts = summary.AdCounts },
            bt = new { classes = BtCohortPlan.Classes, counts = summary.BtCounts, patients = summary.BtPatients, test_scans = summary.BtTestScans },
        };
        File.WriteAllText(path, JsonSerializer.Serialize(record, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
