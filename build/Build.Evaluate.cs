using Pipeline.Engine;

partial class Build
{
    Stage Evaluate => _ => TorchStage(_)
        .Description("Every variant on the same held-out BT test subjects: metrics, patient-level bootstrap CIs, patient-level paired permutation tests (Holm), transfer signals")
        .Project("stages/Evaluate")
        .Input("bt", PreprocessBt)
        .Input("variant:scratch", TrainScratch)
        .Input("variant:head", TrainHead)
        .Input("variant:finetune", FineTune)
        .Input("variant:imagenet_head", ImageNetHead)
        .Input("variant:imagenet_finetune", ImageNetFineTune)
        .Input("variant:bt_head", TrainHeadBt)
        .Input("variant:bt_finetune", FineTuneBt)
        .Input("encoder", ExportEncoder)
        .Input("pretrain", Pretrain)
        .Input("ad", PreprocessAd)
        .Params("evaluate")
        .Outputs("metrics.json", "predictions", "reconstructions")
        .Metrics("metrics.json");
}
