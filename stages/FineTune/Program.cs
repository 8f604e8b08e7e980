using MriTransfer.Models;
using MriTransfer.Training;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// FineTune: TrainHead's classifier with (the last K blocks of) its encoder unfrozen.
// --input head=<TrainHead output> --input bt=<Preprocess output of the BT cohort>
return StageHost.Run(args, ctx =>
{
    var source = new ParamSource(ctx.Params.TryGetString, ctx.Params.TryGetStringList);
    FineTuning.Run(ctx.Args.Input("head"), ctx.Args.Input("bt"), ctx.OutputDir, FineTuneSettings.Read(source), ctx.Progress);
    return StageHost.Ok;
});
