using MriTransfer.Reporting;
using Pipeline.StageKit;

// Report: plots + report.md + self-contained report.html from Evaluate, the stages' history.csv and the learning curve.
// Inputs: evaluate=<Evaluate>, history:<name>=<stage folder>..., cohort:<ad|bt>=<Preprocess folder> (its excluded.csv), optional learning_curve=, params=<params.yaml> (default: the
// resolved params this stage was given, which build/ declares as every group, shown as "the params used"), lock=<pipeline.lock>.
return StageHost.Run(args,
    p => (Report: p.Bind<ReportSettings>("report"), ParamsFile: p.WholeFile(), ReproducibleKernels: p.Get<bool>("runtime.reproducible_kernels")),
    (ctx, settings) =>
    {
        // the fingerprint of this stage in pipeline.lock hashes the code, data and params of everything upstream
        var inputs = new ReportInputs(ctx.Input("evaluate"), ctx.InputsWithPrefix("history:"), ctx.OptionalInput("learning_curve"),
            ctx.OptionalInput("params") ?? settings.ParamsFile, ctx.OptionalInput("lock"), ctx.Fingerprint, ctx.InputsWithPrefix("cohort:"), ctx.ProvenanceFile);
        var doc = ReportBuilder.Run(settings.Report, inputs, MachineInfo.Current(ctx.Cpu, settings.ReproducibleKernels), ctx.OutputDir, ctx.Progress);
        ctx.Log($"report written with {doc.Figures.Count()} figures");
        return StageHost.Ok;
    });
