using System.Text.Json.Nodes;
using Pipeline.Errors;

namespace MriTransfer.Models;

/// <summary>
/// What every trained classifier folder's training.json starts with: the stage that trained it, the train.seed and
/// train.label_fraction it was trained with, and for an arm that starts from a pretrained encoder the seed of that
/// pretraining (its model card's; absent from scratch and ImageNet). A folder identifies itself by it (a fine-tune
/// checks its head's, a learning-curve cell is known by it), never by where the engine put it.
/// </summary>
public sealed record TrainingRecord(string Stage, int Seed, double LabelFraction, int? PretrainSeed = null)
{
    public const string FileName = "training.json";

    /// <summary>training.json: the record's fields, then the trainer's own <paramref name="details"/> (moved, in order).</summary>
    public JsonObject ToJson(JsonObject details)
    {
        var json = new JsonObject { ["stage"] = Stage, ["seed"] = Seed, ["label_fraction"] = LabelFraction };
        if (PretrainSeed is { } pretrainSeed) json["pretrain_seed"] = pretrainSeed;
        foreach (var key in details.Select(d => d.Key).ToList())
        {
            var value = details[key];
            details.Remove(key);
            json[key] = value;
        }
        return json;
    }

    public static TrainingRecord Read(string modelDir)
    {
        var path = Path.Combine(modelDir, FileName);
        if (!File.Exists(path)) throw new InputException($"{path}: missing; is {modelDir} the output of a training stage?");
        var json = ModelFiles.ReadJson(path);
        JsonNode Field(string name) => json[name] ?? throw new InputException($"{path}: no \"{name}\" field; expected the training.json of a training stage");
        try { return new TrainingRecord((string)Field("stage")!, (int)Field("seed"), (double)Field("label_fraction"), (int?)json["pretrain_seed"]); }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InputException($"{path}: stage, seed, label_fraction and pretrain_seed (if present) must be a string, an integer, a number and an integer ({e.Message})", e);
        }
    }
}
