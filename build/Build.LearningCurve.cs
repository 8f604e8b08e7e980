using Pipeline.Engine;

// The learning curve: head, fine-tune and scratch at every (label fraction, seed); adding a seed or a fraction
// runs only the new cells. Not part of the default target (36 trainings by default): `./build.sh LearningCurve`.
partial class Build
{
    /// <summary>Each learning-curve fraction must be a subset Preprocess draws: checked with params, so --dry-run says so.</summary>
    static readonly ParamCheck[] LearningCurveChecks = [ParamCheck.EachAmong("learning_curve.fractions", "preprocess_bt.label_fractions")];

    Stage HeadCurve => _ => TorchStage(_)
        .Description("Learning-curve cells of TrainHead, one per (label fraction, seed)")
        .Project("stages/TrainHead")
        .Input("encoder", ExportEncoder)
        .Input("bt", PreprocessBt)
        .Params([.. ClassifierParams, "head"])
        .LearningCurveMatrix()
        .Outputs(ClassifierOutputs);

    Stage FineTuneCurve => _ => TorchStage(_)
        .Description("Learning-curve cells of FineTune, each from the HeadCurve cell of the same fraction and seed")
        .Project("stages/FineTune")
        .Input("head", HeadCurve)
        .Input("bt", PreprocessBt)
        .Params([.. ClassifierParams, "finetune"])
        .LearningCurveMatrix()
        .Outputs(ClassifierOutputs);

    Stage ScratchCurve => _ => TorchStage(_)
        .Description("Learning-curve cells of TrainScratch, one per (label fraction, seed)")
        .Project("stages/TrainScratch")
        .Input("bt", PreprocessBt)
        .Params(ClassifierParams)
        .LearningCurveMatrix()
        .Outputs(ClassifierOutputs);

    Stage LearningCurveSummary => _ => TorchStage(_)
        .Description("Scores every learning-curve cell on BT test; mean ± sd of balanced accuracy per variant and fraction")
        .Project("stages/LearningCurveSummary")
        .Input("bt", PreprocessBt)
        .Input("cell:head", HeadCurve)
        .Input("cell:finetune", FineTuneCurve)
        .Input("cell:scratch", ScratchCurve)
        .Outputs("learning_curve.csv", "learning_curve.json")
        .Metrics("learning_curve.json");

    Stage LearningCurveReport => _ => ReportOf(_)
        .Description("The report with the learning curve included")
        .Input("learning_curve", LearningCurveSummary);

    Target LearningCurve => _ => _
        .Description("Learning curves over label fractions × seeds, and the report that includes them")
        .DependsOn(LearningCurveReport);
}

static class LearningCurveDeclarations
{
    /// <summary>One instance per (learning_curve.fractions × learning_curve.seeds), setting train.label_fraction and train.seed.</summary>
    public static StageDefinition LearningCurveMatrix(this StageDefinition stage) => stage
        .Matrix("fraction", over: "learning_curve.fractions", sets: "train.label_fraction")
        .Matrix("seed", over: "learning_curve.seeds", sets: "train.seed");
}
