using MriTransfer.Models;
using MriTransfer.Training;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// TrainHead: frozen exported encoder + trained head on the BT train subset.
// --input encoder=<ExportEncoder output> --input bt=<Preprocess output of the BT cohort>
return StageHost.Run(args, ctx =>
{
    var source = new ParamSource(ctx.Params.TryGetString, ctx.Params.TryGetStringList);
    HeadTraining.Run(ctx.Args.Input("encoder"), ctx.Args.Input("bt"), ctx.OutputDir, ClassifierSettings.Read(source, "TrainHead"), ctx.Progress);
    return StageHost.Ok;
});
