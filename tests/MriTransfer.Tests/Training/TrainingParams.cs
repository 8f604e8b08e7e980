using MriTransfer.Training.Settings;

namespace MriTransfer.Tests.Training;

/// <summary>
/// Tiny, fast settings for tests: params.yaml with 16³-friendly model widths, 1–4 epochs and no augmentation unless
/// asked, bound as the stages bind theirs.
/// </summary>
public static class TrainingParams
{
    public static Dictionary<string, object> Tiny() => new()
    {
        ["model.channels"] = new[] { 4, 8 },
        ["model.head_hidden"] = new[] { 8 },
        ["model.dropout"] = 0.0,
        ["runtime.torch_threads"] = 1,
        ["runtime.sample_memory_fraction"] = 0.5,
        ["pretrain.epochs"] = 2,
        ["pretrain.batch_size"] = 2,
        ["pretrain.patience"] = 4,
        ["pretrain.variant"] = "plain",
        ["pretrain.augment.flip"] = false,
        ["pretrain.augment.rotate_degrees"] = 0,
        ["pretrain.augment.scale"] = 0,
        ["pretrain.augment.shift"] = 0,
        ["pretrain.augment.intensity"] = 0,
        ["pretrain.augment.interpolation"] = "linear",
        ["classifier.epochs"] = 2,
        ["classifier.batch_size"] = 2,
        ["classifier.patience"] = 6,
        ["classifier.lr"] = 0.001,
        ["classifier.augment.flip"] = false,
        ["classifier.augment.rotate_degrees"] = 0,
        ["classifier.augment.scale"] = 0,
        ["classifier.augment.shift"] = 0,
        ["classifier.augment.intensity"] = 0,
        ["classifier.augment.interpolation"] = "linear",
        ["train.seed"] = 0,
        ["train.label_fraction"] = 1.0,
    };

    public static PretrainSettings Pretrain(Action<Dictionary<string, object>>? change = null)
    {
        var p = TestParams.Load(With(change));
        return new PretrainSettings(p.Bind<EncoderSettings>("model"), p.Bind<PretrainOptions>("pretrain"), p.Bind<OptimizerSettings>("pretrain"), p.Bind<RuntimeSettings>("runtime"));
    }

    public static ClassifierSettings Classifier(Action<Dictionary<string, object>>? change = null)
    {
        var p = TestParams.Load(With(change));
        return new ClassifierSettings(p.Bind<ModelSettings>("model"), p.Bind<ClassifierOptions>("classifier"), p.Bind<OptimizerSettings>("classifier"),
            p.Bind<TrainSettings>("train"), p.Bind<RuntimeSettings>("runtime"));
    }

    public static FineTuneSettings FineTune(Action<Dictionary<string, object>>? change = null) => TestParams.Load(With(change)).Bind<FineTuneSettings>("finetune");

    private static Dictionary<string, object> With(Action<Dictionary<string, object>>? change)
    {
        var values = Tiny();
        change?.Invoke(values);
        return values;
    }
}
