using MriTransfer.Models;
using MriTransfer.Training;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// Pretrain: autoencoder on the AD train split (early stopping on AD val).
// --input ad=<Preprocess output of the AD cohort>. Resumable state lives in $PIPELINE_RESUME_DIR when set.
return StageHost.Run(args, ctx =>
{
    try
    {
        var settings = PretrainSettings.Read(new ParamSource(
            key => ctx.Params.Has(key) ? TryScalar(ctx.Params, key) : null,
            key => ctx.Params.Has(key) ? TryList(ctx.Params, key) : null));
        var resumeDir = Environment.GetEnvironmentVariable(Pretraining.ResumeDirVariable);
        Pretraining.Run(ctx.Args.Input("ad"), ctx.OutputDir, settings, ctx.Progress, string.IsNullOrEmpty(resumeDir) ? null : resumeDir);
        return StageHost.Ok;
    }
    catch (Exception e) when (e is TrainingInputException or ModelConfigurationException or InvalidDataException or FileNotFoundException)
    {
        throw new StageInputException(e.Message);
    }
});

static string? TryScalar(StageParams p, string key) { try { return p.GetString(key); } catch (InvalidOperationException) { return null; } }
static IReadOnlyList<string>? TryList(StageParams p, string key) { try { return p.GetStringList(key); } catch (InvalidOperationException) { return null; } }
