using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Evaluation;
using Pipeline.StageKit;

// Evaluate: every trained variant on the same BT test subjects (+ linear probe and reconstruction error).
// Inputs: bt=<Preprocess BT>, variant:<name>=<trained classifier>..., optional encoder=, pretrain=, ad=.
return StageHost.Run(args, ctx =>
{
    var p = ctx.Params;
    var d = new EvaluateSettings(); // defaults for keys params.yaml leaves out
    var settings = new EvaluateSettings(
        p.GetOr("evaluate.bootstrap_resamples", p.GetInt, d.BootstrapResamples),
        p.GetOr("evaluate.seed", p.GetInt, d.Seed),
        p.GetOr("evaluate.ci_level", p.GetDouble, d.CiLevel),
        p.GetOr("evaluate.variants", p.GetStringList, d.Variants),
        p.GetOr("evaluate.baseline", p.GetString, d.Baseline),
        p.GetOr("evaluate.probe_l2", p.GetDouble, d.Probe.L2),
        p.GetOr("evaluate.probe_iterations", p.GetInt, d.Probe.Iterations),
        p.GetOr("evaluate.probe_lr", p.GetDouble, d.Probe.LearningRate),
        p.GetOr("evaluate.reconstruction_examples", p.GetInt, d.ReconstructionExamples));
    if (p.Has("runtime.torch_threads")) TorchSharp.torch.set_num_threads(p.GetInt("runtime.torch_threads"));
    string? Optional(string name) => ctx.Args.HasInput(name) ? ctx.Args.Input(name) : null;
    var inputs = new EvaluateInputs(
        PreprocessedCohort.Load(ctx.Args.Input("bt")),
        StageInputs.WithPrefix(ctx.Args.Inputs, "variant:"),
        Optional("encoder"), Optional("pretrain"), Optional("ad") is { } ad ? PreprocessedCohort.Load(ad) : null);
    var result = Evaluator.Run(settings, inputs, EvaluateServices.Real(), ctx.OutputDir, ctx.Progress);
    ctx.Log($"evaluated {result.Variants.Count} variant(s) on {result.TestSubjects} BT test subjects; missing: [{string.Join(", ", result.MissingVariants)}]");
    return StageHost.Ok;
});
