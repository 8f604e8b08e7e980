using MriTransfer.Training.Settings;

namespace MriTransfer.Tests.Training;

/// <summary>Tiny, fast params for tests (16³ volumes, narrow encoder, 1–3 epochs, no augmentation unless asked).</summary>
public static class TrainingParams
{
    public static Dictionary<string, object> Tiny() => new()
    {
        ["model.channels"] = new[] { 4, 8 },
        ["model.head_hidden"] = new[] { 8 },
        ["model.dropout"] = 0.0,
        ["runtime.torch_threads"] = 1,
        ["pretrain.epochs"] = 2,
        ["pretrain.batch_size"] = 2,
        ["pretrain.variant"] = "plain",
        ["pretrain.augment.flip"] = false,
        ["pretrain.augment.rotate_degrees"] = 0,
        ["pretrain.augment.scale"] = 0,
        ["pretrain.augment.shift"] = 0,
        ["pretrain.augment.intensity"] = 0,
        ["classifier.epochs"] = 2,
        ["classifier.batch_size"] = 2,
        ["classifier.augment.flip"] = false,
        ["classifier.augment.rotate_degrees"] = 0,
        ["classifier.augment.scale"] = 0,
        ["classifier.augment.shift"] = 0,
        ["classifier.augment.intensity"] = 0,
        ["finetune.epochs"] = 2,
        ["finetune.warmup_epochs"] = 1,
    };

    public static ParamSource Source(Dictionary<string, object> values) => ParamSource.FromDictionary(values);

    public static PretrainSettings Pretrain(Action<Dictionary<string, object>>? change = null) => PretrainSettings.Read(Source(With(change)));

    public static ClassifierSettings Classifier(Action<Dictionary<string, object>>? change = null) => ClassifierSettings.Read(Source(With(change)), "test");

    public static FineTuneSettings FineTune(Action<Dictionary<string, object>>? change = null) => FineTuneSettings.Read(Source(With(change)));

    private static Dictionary<string, object> With(Action<Dictionary<string, object>>? change)
    {
        var values = Tiny();
        change?.Invoke(values);
        return values;
    }
}
