using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Errors;
using TorchSharp;

namespace MriTransfer.Models;

/// <summary>Reading and writing model folders: JSON descriptions (atomic, indented) and TorchSharp checkpoints.</summary>
public static class ModelFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void WriteJson(string path, JsonNode node)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, node.ToJsonString(Indented) + "\n");
        File.Move(temp, path, overwrite: true);
    }

    public static JsonNode ReadJson(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: missing");
        try { return JsonNode.Parse(File.ReadAllText(path)) ?? throw new InputException($"{path}: empty JSON"); }
        catch (JsonException e) { throw new InputException($"{path}: not valid JSON ({e.Message})", e); }
    }

    /// <summary>Saves a module's state dict atomically (temp file, then move).</summary>
    public static void Save(torch.nn.Module module, string path)
    {
        var temp = path + ".tmp";
        module.save(temp);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Loads a checkpoint strictly into a module; a missing file is named.</summary>
    public static void Load(torch.nn.Module module, string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: missing checkpoint");
        module.load(path, strict: true);
    }
}
