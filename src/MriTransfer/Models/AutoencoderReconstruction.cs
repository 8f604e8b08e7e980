namespace MriTransfer.Models;

/// <summary>
/// PLACEHOLDER written by the evaluate branch so it compiles; the models issue provides the real implementation
/// (the lead replaces this file at merge). Reconstruction of a volume by the pretrained autoencoder.
/// </summary>
public static class AutoencoderReconstruction
{
    public static MriTransfer.Imaging.Volume Reconstruct(string pretrainDir, MriTransfer.Imaging.Volume volume) =>
        throw new NotImplementedException("placeholder: AutoencoderReconstruction.Reconstruct comes from the models branch");
}
