using MriTransfer.Cohorts.Synthetic;
using Pipeline.StageKit;

// Synthesize: renders the synthetic AD and BT cohorts (NIfTI + manifest.csv each) into --output.
// Optional input: --input template=<head image> (a real head used as every subject's anatomy).
return StageHost.Run(args,
    p =>
    {
        var settings = p.Bind<SyntheticCohortSettings>("synthesize") with { BtTestFraction = p.Get<double>("preprocess_bt.test_fraction") };
        settings.Validate();
        return settings;
    },
    (ctx, settings) =>
    {
        var summary = SyntheticCohorts.Generate(settings with { TemplatePath = ctx.OptionalInput("template") }, ctx.OutputDir, ctx.Progress);
        ctx.Log($"AD: {string.Join(", ", summary.AdCounts.Select(c => $"{c.Key} {c.Value}"))} → {summary.AdManifest}");
        ctx.Log($"BT: {string.Join(", ", summary.BtCounts.Select(c => $"{c.Key} {c.Value}"))} ({summary.BtPatients} patients, {summary.BtTestScans} test scans from synthesize.test_seed) → {summary.BtManifest}");
        ctx.Log($"generated in {summary.Seconds:F1} s");
        return StageHost.Ok;
    });
