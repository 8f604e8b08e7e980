using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Evaluation;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// LearningCurveSummary: each learning-curve cell's trained classifier scored on the BT test split, then mean ± sd of
// balanced accuracy per (variant, fraction). Inputs: bt=<Preprocess BT>, cell:<variant>/<instance>=<trained classifier>...
// (every instance of a matrix stage); each cell's fraction and seed are what its training.json records.
return StageHost.Run(args,
    p => p.Bind<RuntimeSettings>("runtime"),
    (ctx, runtime) =>
    {
        TorchSharp.torch.set_num_threads(runtime.TorchThreads);
        var cells = ctx.InstancesWithPrefix("cell:");
        var points = LearningCurveEvaluator.Run(PreprocessedCohort.Load(ctx.Input("bt")), cells, EvaluateServices.Real(), ctx.OutputDir, ctx.Progress);
        ctx.Log($"learning curve: {cells.Values.Sum(c => c.Count)} cells → {points.Count} (variant, fraction) points");
        return StageHost.Ok;
    });
