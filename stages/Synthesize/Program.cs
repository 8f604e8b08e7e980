using MriTransfer.Cohorts.Synthetic;
using Pipeline.StageKit;

// Synthesize: renders the synthetic AD and BT cohorts (NIfTI + manifest.csv each) into --output.
// Optional input: --input template=<head image> (a real head used as every subject's anatomy).
return StageHost.Run(args,
    p => p.Bind<SyntheticCohortSettings>("synthesize"),
    (ctx, settings) =>
    {
        var summary = SyntheticCohorts.Generate(settings with { TemplatePath = ctx.OptionalInput("template") }, ctx.OutputDir, ctx.Progress);
        ctx.Log($"AD: {string.Join(", ", summary.AdCounts.Select(c => $"{c.Key} {c.Value}"))} → {summary.AdManifest}");
        ctx.Log($"BT: {string.Join(", ", summary.BtCounts.Select(c => $"{c.Key} {c.Value}"))} ({summary.BtPatients} patients) → {summary.BtManifest}");
        ctx.Log($"generated in {summary.Seconds:F1} s");
        return StageHost.Ok;
    });
