using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Evaluation;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// LearningCurveSummary: each learning-curve cell's trained classifier scored on the BT test split, then mean ± sd of
// balanced accuracy per (variant, fraction) with hierarchical (seeds × patients) bootstrap intervals and Holm-adjusted
// differences from the baseline. Inputs: bt=<Preprocess BT>, cell:<variant>/<instance>=<trained classifier>...
// (every instance of a matrix stage); each cell's fraction and seed are what its training.json records.
return StageHost.Run(args,
    p => (Runtime: p.Bind<RuntimeSettings>("runtime"),
        Statistics: new LearningCurveStatistics(p.Get<int>("evaluate.bootstrap_resamples"), p.Get<int>("evaluate.seed"),
            p.Get<double>("evaluate.ci_level"), p.Get<string>("evaluate.baseline"))),
    (ctx, settings) =>
    {
        MriTransfer.Training.TorchThreads.Use(settings.Runtime.TorchThreads);
        var cells = ctx.InstancesWithPrefix("cell:");
        var points = LearningCurveEvaluator.Run(PreprocessedCohort.Load(ctx.Input("bt")), cells, settings.Statistics, EvaluateServices.Real(), ctx.OutputDir, ctx.Progress);
        ctx.Log($"learning curve: {cells.Values.Sum(c => c.Count)} cells → {points.Count} (variant, fraction) points");
        return StageHost.Ok;
    });
