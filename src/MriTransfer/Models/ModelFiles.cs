using System.Text.Json;
using System.Text.Json.Nodes;
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
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: missing", path);
        try { return JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty JSON"); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})"); }
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
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: missing checkpoint", path);
        module.load(path, strict: true);
    }
}
