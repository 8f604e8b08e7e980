namespace MriTransfer.Models;

/// <summary>
/// PLACEHOLDER written by the evaluate branch so it compiles; the models issue provides the real implementation
/// (the lead replaces this file at merge). Pooled encoder features from the ExportEncoder output folder.
/// </summary>
public static class EncoderFeatures
{
    public static float[][] Extract(string encoderDir, IReadOnlyList<MriTransfer.Imaging.Volume> volumes) =>
        throw new NotImplementedException("placeholder: EncoderFeatures.Extract comes from the models branch");
}
