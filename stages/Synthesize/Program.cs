using MriTransfer.Cohorts.Synthetic;
using Pipeline.StageKit;

// Synthesize: renders the synthetic AD and BT cohorts (NIfTI + manifest.csv each) into --output.
// Params: every synthesize.* key declared for the stage (see SyntheticCohortSettings.Keys).
// Optional input: --input template=<head image> (a real head used as every subject's anatomy).
return StageHost.Run(args, context =>
{
    const string prefix = "synthesize.";
    var values = context.Params.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
        .ToDictionary(k => k[prefix.Length..], k => Flat(context.Params, k));
    var settings = SyntheticCohortSettings.Parse(values, prefix);
    if (context.Args.HasInput("template")) settings = settings with { TemplatePath = context.Args.Input("template") };

    var summary = SyntheticCohorts.Generate(settings, context.OutputDir, context.Progress);
    context.Log($"AD: {string.Join(", ", summary.AdCounts.Select(c => $"{c.Key} {c.Value}"))} → {summary.AdManifest}");
    context.Log($"BT: {string.Join(", ", summary.BtCounts.Select(c => $"{c.Key} {c.Value}"))} ({summary.BtPatients} patients) → {summary.BtManifest}");
    context.Log($"generated in {summary.Seconds:F1} s");
    return StageHost.Ok;
});

// A scalar as written, or a list joined with commas (synthesize.shape: [64, 64, 64]).
static string Flat(StageParams p, string key)
{
    try { return p.GetString(key); }
    catch (InvalidOperationException) { return string.Join(",", p.GetStringList(key)); }
}
