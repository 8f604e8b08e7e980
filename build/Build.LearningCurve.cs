using Pipeline.Engine;

// The learning curve: head, fine-tune and scratch, and the BT self-pretraining control's head and fine-tune, at every
// (label fraction, training seed), the pretrained arms (AD and BT control) also from every pretraining seed's encoder
// (each autoencoder pretrained again per seed); adding a seed or a fraction runs only the new cells. Not part of the
// default target (180 trainings and two more pretrainings by default, the heads on stored features):
// `./build.sh LearningCurve`.
partial class Build
{
    /// <summary>Each learning-curve fraction must be a subset Preprocess draws: checked with params, so --dry-run says so.</summary>
    static readonly ParamCheck[] LearningCurveChecks = [ParamCheck.EachAmong("learning_curve.fractions", "preprocess_bt.label_fractions")];

    Stage PretrainCurve => _ => PretrainOn(_, PreprocessAd)
        .Description("The AD autoencoder once per learning_curve.pretrain_seeds (the one of pretrain.seed is Pretrain's, restored from the run cache)")
        .PretrainSeedMatrix();

    Stage ExportEncoderCurve => _ => ExportOf(_, PretrainCurve)
        .Description("Exports each PretrainCurve encoder")
        .OfEachPretrainSeed();

    Stage HeadCurve => _ => HeadOn(_, ExportEncoderCurve)
        .Description("Learning-curve cells of TrainHead, one per (pretraining seed, label fraction, seed), on that pretraining seed's encoder")
        .OfEachPretrainSeed()
        .LearningCurveMatrix();

    Stage FineTuneCurve => _ => FineTuneOf(_, HeadCurve)
        .Description("Learning-curve cells of FineTune, each from the HeadCurve cell of the same pretraining seed, fraction and seed")
        .OfEachPretrainSeed()
        .LearningCurveMatrix();

    Stage PretrainBtCurve => _ => PretrainOn(_, PreprocessBt)
        .Description("The BT control's autoencoder once per learning_curve.pretrain_seeds (the one of pretrain.seed is PretrainBt's, restored from the run cache)")
        .PretrainSeedMatrix();

    Stage ExportEncoderBtCurve => _ => ExportOf(_, PretrainBtCurve)
        .Description("Exports each PretrainBtCurve encoder")
        .OfEachPretrainSeed();

    Stage BtHeadCurve => _ => HeadOn(_, ExportEncoderBtCurve)
        .Description("Learning-curve cells of TrainHeadBt (BT self-pretrained encoder), one per (pretraining seed, label fraction, seed)")
        .OfEachPretrainSeed()
        .LearningCurveMatrix();

    Stage BtFineTuneCurve => _ => FineTuneOf(_, BtHeadCurve)
        .Description("Learning-curve cells of FineTuneBt, each from the BtHeadCurve cell of the same pretraining seed, fraction and seed")
        .OfEachPretrainSeed()
        .LearningCurveMatrix();

    Stage ScratchCurve => _ => TorchStage(_)
        .Description("Learning-curve cells of TrainScratch, one per (label fraction, seed)")
        .Project("stages/TrainScratch")
        .Input("bt", PreprocessBt)
        .Params(ClassifierParams)
        .LearningCurveMatrix()
        .Outputs(ClassifierOutputs);

    Stage LearningCurveSummary => _ => TorchStage(_)
        .Description("Scores every learning-curve cell on BT test; mean ± sd and seeds × patients bootstrap CIs per variant and fraction, Holm-adjusted differences from the baseline")
        .Project("stages/LearningCurveSummary")
        .Input("bt", PreprocessBt)
        .Input("cell:head", HeadCurve)
        .Input("cell:finetune", FineTuneCurve)
        .Input("cell:scratch", ScratchCurve)
        .Input("cell:bt_head", BtHeadCurve)
        .Input("cell:bt_finetune", BtFineTuneCurve)
        .Params("evaluate.bootstrap_resamples", "evaluate.seed", "evaluate.ci_level", "evaluate.baseline")
        .Outputs("learning_curve.csv", "learning_curve_differences.csv", "learning_curve.json")
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
    /// <summary>One instance per learning_curve.pretrain_seeds, setting pretrain.seed.</summary>
    public static StageDefinition PretrainSeedMatrix(this StageDefinition stage) =>
        stage.Matrix(PretrainSeedAxis, over: PretrainSeeds, sets: "pretrain.seed");

    /// <summary>One instance per learning_curve.pretrain_seeds that reads its input's instance of the same seed (and sets
    /// no key: a cell records its encoder's pretraining seed in training.json, from the model card).</summary>
    public static StageDefinition OfEachPretrainSeed(this StageDefinition stage) => stage.Matrix(PretrainSeedAxis, over: PretrainSeeds);

    private const string PretrainSeedAxis = "pretrain_seed";
    private const string PretrainSeeds = "learning_curve.pretrain_seeds";

    /// <summary>One instance per (learning_curve.fractions × learning_curve.seeds), setting train.label_fraction and train.seed.</summary>
    public static StageDefinition LearningCurveMatrix(this StageDefinition stage) => stage
        .Matrix("fraction", over: "learning_curve.fractions", sets: "train.label_fraction")
        .Matrix("seed", over: "learning_curve.seeds", sets: "train.seed");
}
