using Pipeline.Engine;

partial class Build
{
    Stage Report => _ => ReportOf(_)
        .Description("report.md and a self-contained report.html answering the question, with plots");

    /// <summary>What every report reads: Evaluate, each stage's training history, the preprocessed cohorts (subjects left out), and every params group (shown as "the params used").</summary>
    StageDefinition ReportOf(StageDefinition stage) => stage
        .Project("stages/Report")
        .Input("evaluate", Evaluate)
        .Input("history:pretrain", Pretrain)
        .Input("history:head", TrainHead)
        .Input("history:finetune", FineTune)
        .Input("history:scratch", TrainScratch)
        .Input("history:imagenet_head", ImageNetHead)
        .Input("history:imagenet_finetune", ImageNetFineTune)
        .Input("history:bt_head", TrainHeadBt)
        .Input("history:bt_finetune", FineTuneBt)
        .Input("cohort:ad", PreprocessAd)
        .Input("cohort:bt", PreprocessBt)
        .Params(EveryParamsGroup)
        .Outputs("report.md", "report.html", "plots")
        .Plots("plots")
        .Provenance();
}
