using MriTransfer.Models;
using MriTransfer.Training;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// TrainScratch: the same classifier from random weights, for the head + fine-tune epoch budget.
// --input bt=<Preprocess output of the BT cohort>
return StageHost.Run(args, ctx =>
{
    var source = new ParamSource(ctx.Params.TryGetString, ctx.Params.TryGetStringList);
    ScratchTraining.Run(ctx.Args.Input("bt"), ctx.OutputDir, FineTuneSettings.ReadScratch(source), ctx.Progress);
    return StageHost.Ok;
});
