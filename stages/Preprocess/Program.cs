using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Preprocessing;
using Pipeline.StageKit;

// Preprocess one cohort (AD or BT, by the cohort group build/ declared for this instance): see PreprocessBinding.
// --input manifest=<the cohort: manifest.csv, a folder holding one, or class folders>
return StageHost.Run(args, PreprocessBinding.Bind, (ctx, settings) =>
{
    var request = new CohortPreprocessRequest(ctx.Input("manifest"), ctx.OutputDir, settings.Preprocess, settings.Split);
    var summary = CohortPreprocessor.Run(request, ctx.Progress, ctx.Log);
    ctx.Log($"preprocessed {summary.Counts.Values.Sum(c => c.Values.Sum())} subjects ({summary.Role.ToString().ToLowerInvariant()}, {summary.Mode.Text()}, shape [{string.Join(", ", summary.Shape)}]){(summary.Excluded > 0 ? $", {summary.Excluded} excluded" : "")}");
    return StageHost.Ok;
});
