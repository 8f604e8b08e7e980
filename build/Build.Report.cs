using Pipeline.Engine;

partial class Build
{
    Stage Report => _ => _
        .Description("report.md and a self-contained report.html answering the question, with plots")
        .Project("stages/Report")
        .Input("evaluate", Evaluate)
        .Input("history:pretrain", Pretrain)
        .Input("history:head", TrainHead)
        .Input("history:finetune", FineTune)
        .Input("history:scratch", TrainScratch)
        .Input("history:imagenet_head", ImageNetHead)
        .Input("history:imagenet_finetune", ImageNetFineTune)
        .Params(EveryParamsGroup) // shown in the report as "the params used"
        .Outputs("report.md", "report.html", "plots")
        .Plots("plots");
}
