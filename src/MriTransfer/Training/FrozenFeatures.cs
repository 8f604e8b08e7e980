using MriTransfer.Models;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// A frozen encoder's pooled readout (<see cref="EncoderClassifier.Pooled"/>) of every sample, computed once in eval mode
/// and kept as one tensor, so a head trains on stored features. With flips, the left-right flipped sample's features are
/// stored too (<see cref="Flipped"/>), and an epoch picks one of the two per sample, as the augmenter's flip would.
/// Other augmentations (rotation, zoom, shift, intensity) are not applied to a frozen arm.
/// </summary>
internal sealed class FrozenFeatures : IDisposable
{
    private FrozenFeatures(Tensor original, Tensor? flipped)
    {
        Original = original;
        Flipped = flipped;
    }

    /// <summary>(samples, …) pooled features of the samples as they are.</summary>
    public Tensor Original { get; }
    /// <summary>The same of the samples flipped along the last axis (null without flips).</summary>
    public Tensor? Flipped { get; }

    public static FrozenFeatures Compute(EncoderClassifier model, SampleSet samples, int batchSize, bool withFlips)
    {
        model.eval();
        return new FrozenFeatures(Pool(model, samples, batchSize, flip: false), withFlips ? Pool(model, samples, batchSize, flip: true) : null);
    }

    /// <summary>Features of the given samples; where <paramref name="flip"/> is set, those of the flipped sample.</summary>
    public Tensor Batch(IReadOnlyList<int> indices, IReadOnlyList<bool>? flip = null)
    {
        var index = tensor(indices.Select(i => (long)i).ToArray());
        var x = Original.index_select(0, index);
        if (flip is null || Flipped is null) return x;
        var mask = tensor(flip.ToArray()).reshape(new long[] { indices.Count }.Concat(Enumerable.Repeat(1L, (int)x.dim() - 1)).ToArray());
        return where(mask, Flipped.index_select(0, index), x);
    }

    private static Tensor Pool(EncoderClassifier model, SampleSet samples, int batchSize, bool flip)
    {
        using var noGrad = no_grad();
        var parts = new List<Tensor>();
        using (var scope = NewDisposeScope())
        {
            foreach (var batch in samples.OrderedBatches(Math.Max(batchSize, 16)))
            {
                var x = samples.Batch(batch);
                parts.Add(model.Pooled(flip ? x.flip(-1) : x));
            }
            return cat(parts, 0).MoveToOuterDisposeScope();
        }
    }

    public void Dispose()
    {
        Original.Dispose();
        Flipped?.Dispose();
    }
}

/// <summary>
/// A frozen encoder's <see cref="FrozenFeatures"/> of BT train (flipped too when the arm flips) and BT val, computed once
/// per stage and shared by every learning-rate candidate: the encoder and its normalisation statistics are the same
/// in each, so are the features.
/// </summary>
internal sealed class StoredFeatures(FrozenFeatures train, FrozenFeatures val) : IDisposable
{
    public FrozenFeatures Train { get; } = train;
    public FrozenFeatures Val { get; } = val;

    public static StoredFeatures Compute(EncoderClassifier model, ClassifierData data, int batchSize, bool withFlips) =>
        new(FrozenFeatures.Compute(model, data.Train, batchSize, withFlips), FrozenFeatures.Compute(model, data.Val, batchSize, withFlips: false));

    public void Dispose()
    {
        Train.Dispose();
        Val.Dispose();
    }
}
