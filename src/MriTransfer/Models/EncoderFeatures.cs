using MriTransfer.Imaging;
using static TorchSharp.torch;

namespace MriTransfer.Models;

/// <summary>Globally pooled encoder features for a linear probe (Evaluate/Report).</summary>
public static class EncoderFeatures
{
    /// <summary>
    /// One feature vector (length = the last block's width) per volume, from ExportEncoder's output folder. In 2-D mode
    /// a volume holds K slices (H, W, K) and its features are the mean over its slices.
    /// </summary>
    public static float[][] Extract(string encoderDir, IReadOnlyList<Volume> volumes)
    {
        var architecture = EncoderFiles.ReadArchitecture(encoderDir);
        using var encoder = new Encoder(architecture);
        EncoderFiles.LoadInto(encoder, encoderDir);
        encoder.eval();
        var features = new float[volumes.Count][];
        for (var i = 0; i < volumes.Count; i++)
        {
            var volume = volumes[i];
            architecture.ValidateInputShape(VolumeTensors.SpatialShape(volume.Shape, architecture.SpatialDims), $"volume {i}");
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var batch = VolumeTensors.Batch(VolumeTensors.Samples(volume, architecture.SpatialDims),
                VolumeTensors.SampleShape(volume.Shape, architecture.SpatialDims));
            var pooled = Layers.GlobalAveragePool(encoder.forward(batch)).mean([0L]);
            features[i] = pooled.data<float>().ToArray();
        }
        return features;
    }
}
