using MriTransfer.Models;
using MriTransfer.Training;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// TrainScratch: the same classifier from random weights, for the head + fine-tune epoch budget.
// --input bt=<Preprocess output of the BT cohort>
return StageHost.Run(args, ctx =>
{
    try
    {
        var source = new ParamSource(
            key => ctx.Params.Has(key) ? TryScalar(ctx.Params, key) : null,
            key => ctx.Params.Has(key) ? TryList(ctx.Params, key) : null);
        ScratchTraining.Run(ctx.Args.Input("bt"), ctx.OutputDir, FineTuneSettings.ReadScratch(source), ctx.Progress);
        return StageHost.Ok;
    }
    catch (Exception e) when (e is TrainingInputException or ModelConfigurationException or InvalidDataException or FileNotFoundException)
    {
        throw new StageInputException(e.Message);
    }
});

static string? TryScalar(StageParams p, string key) { try { return p.GetString(key); } catch (InvalidOperationException) { return null; } }
static IReadOnlyList<string>? TryList(StageParams p, string key) { try { return p.GetStringList(key); } catch (InvalidOperationException) { return null; } }
