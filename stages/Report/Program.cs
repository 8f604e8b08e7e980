using MriTransfer.Evaluation;
using MriTransfer.Reporting;
using Pipeline.StageKit;

// Report: plots + report.md + self-contained report.html from Evaluate, the stages' history.csv and the learning curve.
// Inputs: evaluate=<Evaluate>, history:<name>=<stage folder>..., optional learning_curve=, params=<params.yaml> (default: the
// resolved params this stage was given, which build/ declares as every group), lock=<pipeline.lock>.
return StageHost.Run(args, ctx =>
{
    var p = ctx.Params;
    var d = new ReportSettings(); // defaults for keys params.yaml leaves out
    var settings = new ReportSettings(
        p.GetOr("report.plot_width", p.GetInt, d.PlotWidth),
        p.GetOr("report.plot_height", p.GetInt, d.PlotHeight),
        p.GetOr("report.headline_variant", p.GetString, d.HeadlineVariant));
    string? Optional(string name) => ctx.Args.HasInput(name) ? ctx.Args.Input(name) : null;
    var inputs = new ReportInputs(ctx.Args.Input("evaluate"), StageInputs.WithPrefix(ctx.Args.Inputs, "history:"),
        Optional("learning_curve"), Optional("params") ?? ctx.Args.ParamsFile, Optional("lock"),
        // this stage's fingerprint in pipeline.lock: it hashes the code, data and params of everything upstream
        Environment.GetEnvironmentVariable("PIPELINE_FINGERPRINT"));
    var doc = ReportBuilder.Run(settings, inputs, MachineInfo.Current(), ctx.OutputDir, ctx.Progress);
    ctx.Log($"report written with {doc.Figures.Count()} figures");
    return StageHost.Ok;
});
