using System.Globalization;
using System.Text.Json;

namespace MriTransfer.Reporting;

/// <summary>
/// What a reader of the reconstruction figure needs to know to read it: how the autoencoder was trained, from the
/// Pretrain folder's model.json. Linear resampling by the spatial augmentation smooths one-voxel edges (the skull) in
/// every training target, so such an autoencoder reconstructs smoothly by construction, not for want of training
/// (measured on the default cohort in benchmarks/readout.md, "Pretraining augmentation"). Null when model.json or its
/// <c>augment</c> key (written since the key existed) is missing.
/// </summary>
public static class ReconstructionCaption
{
    public static string? Of(string pretrainDir)
    {
        var path = Path.Combine(pretrainDir, "model.json");
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            if (!root.TryGetProperty("augment", out var augment)) return null;
            var variant = root.GetProperty("variant").GetProperty("kind").GetString();
            var epochs = root.TryGetProperty("epochs_run", out var e) ? $", {e.GetInt32()} epochs" : "";
            var rotate = augment.GetProperty("rotate_degrees").GetDouble();
            var scale = augment.GetProperty("scale").GetDouble();
            var shift = augment.GetProperty("shift").GetDouble();
            var trained = $"The autoencoder ({variant}{epochs}) learned from AD training volumes";
            if (rotate == 0 && scale == 0 && shift == 0)
                return trained + " that were never resampled (no rotation, zoom or shift): its targets keep every edge.";
            var ranges = $"rotated up to {N(rotate)}°, zoomed up to {N(scale * 100)} %, shifted up to {N(shift * 100)} % of the field";
            return augment.GetProperty("interpolation").GetString() == "nearest"
                ? $"{trained} {ranges} with nearest-neighbour resampling, which keeps one-voxel edges in its targets."
                : $"{trained} {ranges} with linear resampling, which smooths one-voxel edges such as the skull in every training " +
                  "target, so it reconstructs smoothly by construction. pretrain.augment.interpolation: nearest, or no " +
                  "rotation, zoom and shift, reconstruct sharper; on the default cohort their features did not transfer " +
                  "better on BT val (benchmarks/readout.md, \"Pretraining augmentation\").";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
