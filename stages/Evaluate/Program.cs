using MriTransfer.Cohorts;
using MriTransfer.Evaluation;
using Pipeline.StageKit;

// Evaluate: every trained variant on the same BT test subjects (+ linear probe and reconstruction error).
// Inputs: bt=<Preprocess BT>, variant:<name>=<trained classifier>..., optional encoder=, pretrain=, ad=.
return StageHost.Run(args, ctx =>
{
    var p = ctx.Params;
    try
    {
        var settings = new EvaluateSettings(
            p.Has("evaluate.bootstrap_resamples") ? p.GetInt("evaluate.bootstrap_resamples") : 2000,
            p.Has("evaluate.seed") ? p.GetInt("evaluate.seed") : 2024,
            p.Has("evaluate.ci_level") ? p.GetDouble("evaluate.ci_level") : 0.95,
            p.Has("evaluate.variants") ? p.GetStringList("evaluate.variants") : null,
            p.Has("evaluate.baseline") ? p.GetString("evaluate.baseline") : "scratch",
            p.Has("evaluate.probe_l2") ? p.GetDouble("evaluate.probe_l2") : 0.01,
            p.Has("evaluate.probe_iterations") ? p.GetInt("evaluate.probe_iterations") : 500,
            p.Has("evaluate.probe_lr") ? p.GetDouble("evaluate.probe_lr") : 0.1,
            p.Has("evaluate.reconstruction_examples") ? p.GetInt("evaluate.reconstruction_examples") : 3);
        if (p.Has("runtime.torch_threads")) TorchSharp.torch.set_num_threads(p.GetInt("runtime.torch_threads"));
        string? Optional(string name) => ctx.Args.HasInput(name) ? ctx.Args.Input(name) : null;
        var inputs = new EvaluateInputs(
            PreprocessedCohort.Load(ctx.Args.Input("bt")),
            StageInputs.WithPrefix(ctx.Args.Inputs, "variant:"),
            Optional("encoder"), Optional("pretrain"), Optional("ad") is { } ad ? PreprocessedCohort.Load(ad) : null);
        var result = Evaluator.Run(settings, inputs, EvaluateServices.Real(), ctx.OutputDir, ctx.Progress);
        ctx.Log($"evaluated {result.Variants.Count} variant(s) on {result.TestSubjects} BT test subjects; missing: [{string.Join(", ", result.MissingVariants)}]");
        return StageHost.Ok;
    }
    catch (Exception e) when (e is EvaluationInputException or FileNotFoundException or InvalidDataException)
    {
        throw new StageInputException(e.Message);
    }
});
