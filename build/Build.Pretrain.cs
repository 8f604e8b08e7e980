using Pipeline.Engine;

partial class Build
{
    /// <summary>pretrain.* and the encoder's keys of model.* (not the readout or head: changing those reruns only the
    /// classifiers), and where its sample sets live.</summary>
    static readonly string[] PretrainParamKeys = ["pretrain", "model.channels", "model.block", "model.norm", "model.norm_groups", "model.activation", SampleMemoryKey];

    Stage Pretrain => _ => PretrainOn(_, PreprocessAd)
        .Description("Trains the convolutional autoencoder on the AD train split, early stopping on AD val");

    Stage ExportEncoder => _ => ExportOf(_, Pretrain)
        .Description("Exports the pretrained encoder alone (encoder.pt, encoder.safetensors) with a model card");

    /// <summary>The Pretrain app on an unlabelled cohort's train split (early stopping on its val split; a test split is never read).</summary>
    StageDefinition PretrainOn(StageDefinition stage, Stage cohort) => TorchStage(stage)
        .Project("stages/Pretrain")
        .Input("ad", cohort)
        .Params([.. PretrainParamKeys])
        .Outputs("autoencoder.pt", "last.pt", "model.json", "history.csv")
        .Plots("history.csv");

    static StageDefinition ExportOf(StageDefinition stage, Stage pretrain) => stage
        .Project("stages/ExportEncoder")
        .Input("pretrain", pretrain)
        .Outputs("encoder.pt", "encoder.safetensors", "model_card.json");
}
