using System.Text;
using System.Text.Json;
using Pipeline.Errors;

namespace MriTransfer.Models;

/// <summary>Reads a .safetensors file's header only (tensor names and shapes), without loading any weights.</summary>
public static class SafetensorsHeader
{
    public static IReadOnlyDictionary<string, long[]> ReadShapes(string path)
    {
        using var file = File.OpenRead(path);
        var lengthBytes = new byte[8];
        file.ReadExactly(lengthBytes);
        var headerLength = BitConverter.ToInt64(lengthBytes);
        if (headerLength <= 0 || headerLength > file.Length - 8)
            throw new InputException($"{path}: not a safetensors file (header length {headerLength} for a file of {file.Length} bytes)");
        var header = new byte[headerLength];
        file.ReadExactly(header);
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(header));
        var shapes = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__") continue;
            shapes[entry.Name] = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        }
        return shapes;
    }
}
