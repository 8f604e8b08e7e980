using System.Text.Json.Nodes;
using MriTransfer.Models;

namespace MriTransfer.Training;

/// <summary>
/// The ExportEncoder stage: the best autoencoder's <c>encoder</c> submodule alone (<c>encoder.pt</c>,
/// <c>encoder.safetensors</c>) and <c>model_card.json</c> describing how to use it.
/// </summary>
public static class EncoderExport
{
    public static void Run(string pretrainDir, string outputDir)
    {
        var description = ModelFiles.ReadJson(Path.Combine(pretrainDir, "model.json"));
        var architecture = EncoderArchitecture.FromJson(description["architecture"]!);
        using var autoencoder = new Autoencoder(architecture, AutoencoderVariant.FromJson(description["variant"]!));
        ModelFiles.Load(autoencoder, Path.Combine(pretrainDir, "autoencoder.pt"));
        EncoderFiles.Save(autoencoder.Encoder, outputDir);
        var keys = StateDictCheck.ShapesOf(autoencoder.Encoder);
        ModelFiles.WriteJson(Path.Combine(outputDir, EncoderFiles.CardFile), new JsonObject
        {
            ["name"] = "MriTransfer AD autoencoder encoder",
            ["architecture"] = architecture.ToJson(),
            ["architecture_text"] = architecture.LayerText(),
            ["input"] = new JsonObject
            {
                ["mode"] = description["mode"]?.DeepClone(),
                ["shape"] = description["input_shape"]?.DeepClone(),
                ["spacing_mm"] = description["spacing"]?.DeepClone(),
                ["tensor_layout"] = architecture.SpatialDims == 3 ? "(N, 1, z, y, x) of the NIfTI volume" : "(N, 1, y, x) per slice of the (H, W, K) NIfTI volume",
                ["normalisation"] = description["normalisation"]?.DeepClone() ?? "as the preprocessed AD cohort (per-volume statistics in its index.csv)",
            },
            ["autoencoder_variant"] = description["variant"]?.DeepClone(),
            ["training_data_fingerprint"] = new JsonObject { ["ad_index_csv_sha256"] = description["training_data"]?["index_csv_sha256"]?.DeepClone() },
            ["training_data"] = description["training_data"]?.DeepClone(),
            ["best_epoch"] = description["best_epoch"]?.DeepClone(),
            ["final_val_loss"] = description["best_val_loss"]?.DeepClone(),
            ["last_epoch_val_loss"] = description["final_val_loss"]?.DeepClone(),
            ["seed"] = description["seed"]?.DeepClone(),
            ["files"] = new JsonObject
            {
                ["encoder.pt"] = "TorchSharp state dict (module.load in TorchSharp)",
                ["encoder.safetensors"] = "same tensors for PyTorch/MONAI: safetensors.torch.load_file, then load_state_dict on an equivalent nn.Module",
            },
            ["state_dict_keys"] = new JsonObject(keys.OrderBy(k => k.Key, StringComparer.Ordinal)
                .Select(k => KeyValuePair.Create(k.Key, (JsonNode?)new JsonArray(k.Value.Select(d => (JsonNode)d).ToArray())))),
        });
    }
}
