using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Evaluation;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// LearningCurveSummary: each learning-curve cell's trained classifier scored on the BT test split, then mean ± sd of
// balanced accuracy per (variant, fraction). Inputs: bt=<Preprocess BT>, cell:<variant>/fraction-<f>_seed-<s>=<trained classifier>... (the engine names matrix instances so)
return StageHost.Run(args,
    p => p.Bind<RuntimeSettings>("runtime"),
    (ctx, runtime) =>
    {
        TorchSharp.torch.set_num_threads(runtime.TorchThreads);
        var cells = ctx.Args.Inputs.Where(kv => kv.Key.StartsWith(LearningCurveCell.InputPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[LearningCurveCell.InputPrefix.Length..], kv => kv.Value);
        var points = LearningCurveEvaluator.Run(PreprocessedCohort.Load(ctx.Input("bt")), cells, EvaluateServices.Real(), ctx.OutputDir, ctx.Progress);
        ctx.Log($"learning curve: {cells.Count} cells → {points.Count} (variant, fraction) points");
        return StageHost.Ok;
    });
