using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Evaluation;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// Evaluate: every trained variant on the same BT test subjects (+ linear probe and reconstruction error).
// Inputs: bt=<Preprocess BT>, variant:<name>=<trained classifier>..., optional encoder=, pretrain=, ad=.
return StageHost.Run(args,
    p => (Evaluate: p.Bind<EvaluateSettings>("evaluate"), Runtime: p.Bind<RuntimeSettings>("runtime")),
    (ctx, settings) =>
    {
        MriTransfer.Training.TorchThreads.Use(settings.Runtime.TorchThreads);
        var inputs = new EvaluateInputs(
            PreprocessedCohort.Load(ctx.Input("bt")),
            ctx.InputsWithPrefix("variant:"),
            ctx.OptionalInput("encoder"), ctx.OptionalInput("pretrain"), ctx.OptionalInput("ad") is { } ad ? PreprocessedCohort.Load(ad) : null);
        var result = Evaluator.Run(settings.Evaluate, inputs, EvaluateServices.Real(), ctx.OutputDir, ctx.Progress);
        ctx.Log($"evaluated {result.Variants.Count} variant(s) on {result.TestSubjects} BT test subjects; missing: [{string.Join(", ", result.MissingVariants)}]");
        return StageHost.Ok;
    });
