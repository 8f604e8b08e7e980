using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Preprocessing;
using Pipeline.StageKit;

// Preprocess one cohort (AD or BT, by the `<prefix>.role` param): see PreprocessParams for every key.
return StageHost.Run(args, context =>
{
    var (preprocess, split) = PreprocessParams.Read(context.Params);
    var request = new CohortPreprocessRequest(context.Args.Input("manifest"), context.OutputDir, preprocess, split);
    var summary = CohortPreprocessor.Run(request, context.Progress);
    context.Log($"preprocessed {summary.Counts.Values.Sum(c => c.Values.Sum())} subjects ({summary.Role.ToString().ToLowerInvariant()}, {summary.Mode.Text()}, shape [{string.Join(", ", summary.Shape)}])");
    return StageHost.Ok;
});
