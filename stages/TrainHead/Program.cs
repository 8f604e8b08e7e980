using MriTransfer.Training;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// TrainHead: frozen exported encoder + trained head on the BT train subset.
// --input encoder=<ExportEncoder output> --input bt=<Preprocess output of the BT cohort>
return StageHost.Run(args,
    p => (Classifier: new ClassifierSettings(p.Bind<ModelSettings>("model"), p.Bind<ClassifierOptions>("classifier"),
            p.Bind<OptimizerSettings>("classifier"), p.Bind<TrainSettings>("train"), p.Bind<RuntimeSettings>("runtime")),
        Head: p.Bind<HeadOptions>("head")),
    (ctx, settings) =>
    {
        HeadTraining.Run(ctx.Input("encoder"), ctx.Input("bt"), ctx.OutputDir, settings.Classifier, ctx.Progress, ctx.Log, settings.Head);
        return StageHost.Ok;
    });
