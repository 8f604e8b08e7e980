using MriTransfer.Imaging;
using static TorchSharp.torch;

namespace MriTransfer.Models;

/// <summary>
/// Between volumes and model tensors. A 3-D sample is the whole volume as (1, z, y, x); in 2-D mode a volume of
/// shape (H, W, K) holds K slices, each a sample (1, y, x). Volume data is x-fastest, so both are plain copies.
/// </summary>
public static class VolumeTensors
{
    /// <summary>The spatial shape the encoder sees, in volume axis order: (x, y, z) in 3-D, (x, y) in 2-D.</summary>
    public static int[] SpatialShape(int[] volumeShape, int spatialDims) =>
        spatialDims == 3 ? [volumeShape[0], volumeShape[1], volumeShape[2]] : [volumeShape[0], volumeShape[1]];

    /// <summary>The tensor shape of one sample (channel first, slowest axis first).</summary>
    public static long[] SampleShape(int[] volumeShape, int spatialDims) =>
        spatialDims == 3 ? [1, volumeShape[2], volumeShape[1], volumeShape[0]] : [1, volumeShape[1], volumeShape[0]];

    public static int SamplesPerVolume(int[] volumeShape, int spatialDims) => spatialDims == 3 ? 1 : volumeShape[2];

    /// <summary>The volume's samples as flat x-fastest arrays: one in 3-D, one per slice in 2-D.</summary>
    public static IReadOnlyList<float[]> Samples(Volume volume, int spatialDims)
    {
        if (spatialDims == 3) return [volume.Data];
        var sliceLength = volume.Nx * volume.Ny;
        return Enumerable.Range(0, volume.Nz).Select(k => volume.Data.AsSpan(k * sliceLength, sliceLength).ToArray()).ToList();
    }

    /// <summary>A batch tensor (B, 1, …) from samples of the same shape, copied into libtorch-owned memory (see
    /// <see cref="NativeTensors"/>).</summary>
    public static Tensor Batch(IReadOnlyList<float[]> samples, long[] sampleShape)
    {
        var length = samples[0].Length;
        var batch = empty([samples.Count, .. sampleShape], ScalarType.Float32);
        var rows = batch.data<float>();
        for (var i = 0; i < samples.Count; i++) rows.CopyFrom(samples[i], 0, (long)i * length);
        return batch;
    }

    /// <summary>A (B, 1, …) tensor back into a volume shaped like <paramref name="like"/> (B = samples per volume).</summary>
    public static Volume ToVolume(Tensor batch, Volume like)
    {
        var data = batch.contiguous().data<float>().ToArray();
        if (data.Length != like.Data.Length)
            throw new InvalidOperationException($"tensor of {data.Length} values cannot fill a volume of {like.Data.Length} voxels");
        return like.WithData(data);
    }
}
