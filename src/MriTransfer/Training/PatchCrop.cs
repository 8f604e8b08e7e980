using MriTransfer.Models;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// <c>pretrain.patch_shape</c>: each training volume of a batch is replaced by a random sub-volume of this shape (a
/// fresh position per volume and step, drawn from the batch's stream), so pretraining pays for the patch, not the whole
/// head; the encoder is fully convolutional, so it reads whole volumes afterwards. Validation scores whole volumes.
/// </summary>
internal sealed class PatchCrop
{
    private readonly long[] _patch;

    private PatchCrop(long[] patch) => _patch = patch;

    /// <summary>Null when <paramref name="patchShape"/> is empty (whole volumes); else checks it against the volumes and the encoder.</summary>
    public static PatchCrop? For(IReadOnlyList<int> patchShape, long[] sampleShape, EncoderArchitecture architecture, string source)
    {
        if (patchShape.Count == 0) return null;
        var spatial = sampleShape.Skip(1).ToArray();
        var shown = string.Join("×", spatial);
        var problems = new List<string>();
        if (patchShape.Count != spatial.Length)
            problems.Add($"pretrain.patch_shape has {patchShape.Count} axes but the volumes of {source} have {spatial.Length} ({shown}); give {spatial.Length} sizes, or [] for whole volumes");
        else
        {
            var factor = 1 << architecture.Depth;
            for (var axis = 0; axis < spatial.Length; axis++)
            {
                if (patchShape[axis] > spatial[axis])
                    problems.Add($"pretrain.patch_shape[{axis}] = {patchShape[axis]} exceeds the volumes' {spatial[axis]} ({source}: {shown})");
                if (patchShape[axis] % factor != 0)
                    problems.Add($"pretrain.patch_shape[{axis}] = {patchShape[axis]} is not a multiple of 2^{architecture.Depth} = {factor} (the encoder's depth, model.channels)");
            }
        }
        if (problems.Count > 0) throw new ModelConfigurationException(problems);
        return new PatchCrop(patchShape.Select(n => (long)n).ToArray());
    }

    /// <summary>The sample shape the training steps see: (C, patch…).</summary>
    public long[] SampleShape(long[] sampleShape) => [sampleShape[0], .. _patch];

    /// <summary>One random patch of every volume of <paramref name="batch"/> (N, C, S…), positions drawn from <paramref name="random"/>.</summary>
    public Tensor Apply(Tensor batch, Random random)
    {
        var rows = new List<Tensor>((int)batch.shape[0]);
        for (var i = 0; i < batch.shape[0]; i++)
        {
            var row = batch.narrow(0, i, 1);
            for (var axis = 0; axis < _patch.Length; axis++)
            {
                var room = batch.shape[axis + 2] - _patch[axis];
                row = row.narrow(axis + 2, random.NextInt64(room + 1), _patch[axis]);
            }
            rows.Add(row);
        }
        return cat(rows, 0);
    }
}
