using MriTransfer.Imaging;
using static TorchSharp.torch;

namespace MriTransfer.Models;

/// <summary>Encoder features through a readout (<see cref="ReadoutSpec"/>), for the linear and k-NN probes.</summary>
public static class EncoderFeatures
{
    /// <summary>
    /// One feature vector per volume from ExportEncoder's output folder, read through <paramref name="readout"/>
    /// (<c>model.readout</c>; null = gap, the mean of the last block). A learned readout (attention) has no weights here,
    /// so it falls back to gap. In 2-D mode a volume holds K slices (H, W, K) and its features are the mean over its slices.
    /// </summary>
    public static float[][] Extract(string encoderDir, IReadOnlyList<Volume> volumes) => Extract(encoderDir, volumes, readout: null);

    /// <inheritdoc cref="Extract(string, IReadOnlyList{Volume})"/>
    public static float[][] Extract(string encoderDir, IReadOnlyList<Volume> volumes, string? readout)
    {
        var architecture = EncoderFiles.ReadArchitecture(encoderDir);
        using var encoder = new Encoder(architecture);
        EncoderFiles.LoadInto(encoder, encoderDir);
        return Extract(encoder, volumes, readout);
    }

    /// <summary>The same for an encoder in memory (e.g. a randomly initialised one); it is put in eval mode.</summary>
    public static float[][] Extract(Encoder encoder, IReadOnlyList<Volume> volumes, string? readout = null)
    {
        var architecture = encoder.Architecture;
        encoder.eval();
        var features = new float[volumes.Count][];
        Readout? module = null;
        try
        {
            for (var i = 0; i < volumes.Count; i++)
            {
                var volume = volumes[i];
                var spatial = VolumeTensors.SpatialShape(volume.Shape, architecture.SpatialDims);
                architecture.ValidateInputShape(spatial, $"volume {i}");
                module ??= new Readout(ReadoutSpec.For(readout is null or "attention" ? "gap" : readout, architecture, spatial), architecture);
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                var batch = VolumeTensors.Batch(VolumeTensors.Samples(volume, architecture.SpatialDims),
                    VolumeTensors.SampleShape(volume.Shape, architecture.SpatialDims));
                features[i] = module.forward(module.Pool(encoder.ForwardBlocks(batch))).mean([0L]).data<float>().ToArray();
            }
        }
        finally { module?.Dispose(); }
        return features;
    }
}
