using MriTransfer.Evaluation;
using MriTransfer.Reporting;
using Pipeline.StageKit;

// Report: plots + report.md + self-contained report.html from Evaluate, the stages' history.csv and the learning curve.
// Inputs: evaluate=<Evaluate>, history:<name>=<stage folder>..., optional learning_curve=, params=<params.yaml>, lock=<pipeline.lock>.
return StageHost.Run(args, ctx =>
{
    var p = ctx.Params;
    try
    {
        var settings = new ReportSettings(
            p.Has("report.plot_width") ? p.GetInt("report.plot_width") : 900,
            p.Has("report.plot_height") ? p.GetInt("report.plot_height") : 550,
            p.Has("report.headline_variant") ? p.GetString("report.headline_variant") : "finetune");
        string? Optional(string name) => ctx.Args.HasInput(name) ? ctx.Args.Input(name) : null;
        var inputs = new ReportInputs(ctx.Args.Input("evaluate"), StageInputs.WithPrefix(ctx.Args.Inputs, "history:"),
            Optional("learning_curve"), Optional("params"), Optional("lock"));
        var doc = ReportBuilder.Run(settings, inputs, MachineInfo.Current(), ctx.OutputDir, ctx.Progress);
        ctx.Log($"report written with {doc.Figures.Count()} figures");
        return StageHost.Ok;
    }
    catch (Exception e) when (e is ReportInputException or EvaluationInputException or InvalidDataException or FileNotFoundException)
    {
        throw new StageInputException(e.Message);
    }
});
