using MriTransfer.Imaging;
using static TorchSharp.torch;

namespace MriTransfer.Models;

/// <summary>Reconstructions by a Pretrain stage's best autoencoder, for reconstruction errors and figures.</summary>
public static class AutoencoderReconstruction
{
    /// <summary>The best autoencoder's (<c>autoencoder.pt</c>) reconstruction of <paramref name="volume"/>, same shape.</summary>
    public static Volume Reconstruct(string pretrainDir, Volume volume)
    {
        var description = ModelFiles.ReadJson(Path.Combine(pretrainDir, "model.json"));
        var architecture = EncoderArchitecture.FromJson(description["architecture"]!);
        var variant = AutoencoderVariant.FromJson(description["variant"]!);
        using var model = new Autoencoder(architecture, variant);
        ModelFiles.Load(model, Path.Combine(pretrainDir, "autoencoder.pt"));
        model.eval();
        architecture.ValidateInputShape(VolumeTensors.SpatialShape(volume.Shape, architecture.SpatialDims), "volume to reconstruct");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var batch = VolumeTensors.Batch(VolumeTensors.Samples(volume, architecture.SpatialDims),
            VolumeTensors.SampleShape(volume.Shape, architecture.SpatialDims));
        return VolumeTensors.ToVolume(model.forward(batch), volume);
    }
}
