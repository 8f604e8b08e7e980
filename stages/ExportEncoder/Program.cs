using MriTransfer.Training;
using Pipeline.StageKit;

// ExportEncoder: the best autoencoder's encoder alone (encoder.pt, encoder.safetensors) + model_card.json.
// --input pretrain=<Pretrain output>. Reads no params.
return StageHost.Run(args, ctx =>
{
    EncoderExport.Run(ctx.Input("pretrain"), ctx.OutputDir);
    ctx.Progress("encoder exported");
    return StageHost.Ok;
});
