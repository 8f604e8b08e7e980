namespace Pipeline.Engine;

/// <summary>
/// A cached stage, declared Nuke-style as a property of the build class:
/// <c>Stage Pretrain => _ => _.Project("stages/Pretrain").Input("cohort", PreprocessAd).Params("pretrain").Outputs("autoencoder.pt");</c>
/// The property name is the stage name.
/// </summary>
public delegate StageDefinition Stage(StageDefinition _);

/// <summary>A named group of stages (and other targets) to run together, e.g. <c>Report</c> or <c>LearningCurve</c>.</summary>
public delegate TargetDefinition Target(TargetDefinition _);
