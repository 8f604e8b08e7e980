using System.Text.Json.Nodes;
using Pipeline.Errors;
using TorchSharp.PyBridge;

namespace MriTransfer.Models;

/// <summary>
/// An exported encoder folder (ExportEncoder's output): <c>encoder.pt</c> (TorchSharp), <c>encoder.safetensors</c>
/// (same tensors, same keys, for PyTorch/MONAI) and <c>model_card.json</c> (architecture under "architecture").
/// </summary>
public static class EncoderFiles
{
    public const string TorchSharpFile = "encoder.pt", SafetensorsFile = "encoder.safetensors", CardFile = "model_card.json";

    public static void Save(Encoder encoder, string dir)
    {
        ModelFiles.Save(encoder, Path.Combine(dir, TorchSharpFile));
        var temp = Path.Combine(dir, SafetensorsFile + ".tmp");
        encoder.save_safetensors(temp);
        File.Move(temp, Path.Combine(dir, SafetensorsFile), overwrite: true);
    }

    public static EncoderArchitecture ReadArchitecture(string dir)
    {
        var card = ModelFiles.ReadJson(Path.Combine(dir, CardFile));
        var node = card["architecture"] ?? throw new InputException($"{Path.Combine(dir, CardFile)}: no \"architecture\" field");
        return EncoderArchitecture.FromJson(node);
    }

    /// <summary>
    /// Loads the exported weights into <paramref name="target"/> strictly: every key and shape must match; otherwise
    /// a <see cref="ModelConfigurationException"/> names the missing, unexpected and mis-shaped keys.
    /// </summary>
    public static void LoadInto(Encoder target, string dir)
    {
        var safetensors = Path.Combine(dir, SafetensorsFile);
        if (!File.Exists(safetensors)) throw new InputException($"{safetensors}: missing; is {dir} the output of ExportEncoder?");
        var problems = StateDictCheck.Mismatches(StateDictCheck.ShapesOf(target), SafetensorsHeader.ReadShapes(safetensors));
        if (problems.Count > 0)
            throw new ModelConfigurationException(
                new[] { $"{dir}: the exported encoder does not fit the encoder built from model.* ({target.Architecture}):" }
                    .Concat(problems.Select(p => "  " + p)));
        ModelFiles.Load(target, Path.Combine(dir, TorchSharpFile));
    }

    /// <summary>The model card as JSON (for tools that want more than the architecture).</summary>
    public static JsonNode ReadCard(string dir) => ModelFiles.ReadJson(Path.Combine(dir, CardFile));
}
