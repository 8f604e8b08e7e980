using Pipeline.Engine;

partial class Build
{
    /// <summary>pretrain.* and the encoder's keys of model.* (not the readout or head: changing those reruns only the classifiers).</summary>
    static readonly string[] PretrainParamKeys = ["pretrain", "model.channels", "model.norm", "model.norm_groups", "model.activation"];

    Stage Pretrain => _ => TorchStage(_)
        .Description("Trains the convolutional autoencoder on the AD train split, early stopping on AD val")
        .Project("stages/Pretrain")
        .Input("ad", PreprocessAd)
        .Params([.. PretrainParamKeys])
        .Outputs("autoencoder.pt", "last.pt", "model.json", "history.csv")
        .Plots("history.csv");

    Stage ExportEncoder => _ => _
        .Description("Exports the pretrained encoder alone (encoder.pt, encoder.safetensors) with a model card")
        .Project("stages/ExportEncoder")
        .Input("pretrain", Pretrain)
        .Outputs("encoder.pt", "encoder.safetensors", "model_card.json");
}
