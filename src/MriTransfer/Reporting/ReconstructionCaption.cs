using System.Globalization;
using MriTransfer.Models;
using MriTransfer.Training.Settings;
using Pipeline.Errors;

namespace MriTransfer.Reporting;

/// <summary>
/// What a reader of the reconstruction figure needs to know to read it: how the autoencoder was trained, from the
/// Pretrain folder's model.json. Linear resampling by the spatial augmentation smooths one-voxel edges (the skull) in
/// every training target, so such an autoencoder reconstructs smoothly by construction, not for want of training
/// (measured on the default cohort in benchmarks/readout.md, "Pretraining augmentation"). Null when model.json or its
/// <c>augment</c> key (written since the key existed) is missing or unreadable.
/// </summary>
public static class ReconstructionCaption
{
    public static string? Of(string pretrainDir)
    {
        var path = Path.Combine(pretrainDir, "model.json");
        if (!File.Exists(path)) return null;
        try
        {
            var model = ModelFiles.ReadJson(path);
            if (model["augment"] is not { } record) return null;
            var augment = AugmentationSettings.FromJson(record);
            var epochs = model["epochs_run"] is { } e ? $", {(int)e} epochs" : "";
            var trained = $"The autoencoder ({(string)model["variant"]!["kind"]!}{epochs}) learned from AD training volumes";
            if (!augment.UsesAffine)
                return trained + " that were never resampled (no rotation, zoom or shift): its targets keep every edge.";
            var ranges = $"rotated up to {N(augment.RotateDegrees)}°, zoomed up to {N(augment.Scale * 100)} %, " +
                         $"shifted up to {N(augment.Shift * 100)} % of the field";
            return augment.ResamplesNearest
                ? $"{trained} {ranges} with nearest-neighbour resampling, which keeps one-voxel edges in its targets."
                : $"{trained} {ranges} with linear resampling, which smooths one-voxel edges such as the skull in every training " +
                  "target, so it reconstructs smoothly by construction. pretrain.augment.interpolation: nearest, or no " +
                  "rotation, zoom and shift, reconstruct sharper; on the default cohort their features did not transfer " +
                  "better on BT val (benchmarks/readout.md, \"Pretraining augmentation\").";
        }
        catch (Exception ex) when (ex is InputException or InvalidOperationException or FormatException or IOException)
        {
            return null;
        }
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
