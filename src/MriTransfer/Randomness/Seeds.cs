namespace MriTransfer.Randomness;

/// <summary>
/// Seeds of the training streams, derived from a params seed and a position (purpose, epoch, batch) with
/// <see cref="SeededRandom.Mix"/>, so an epoch's random choices do not depend on what ran before it: a resumed run
/// draws exactly what an uninterrupted one would. Libtorch takes the derived seeds directly; data order, augmentation,
/// the bootstrap and the ImageNet head draw from .NET's seeded <see cref="System.Random"/> made here, the generator
/// their recorded results were drawn with (moving them to <see cref="SeededRandom"/> would change every trained
/// weight and every confidence interval).
/// </summary>
public static class Seeds
{
    public const int DataOrder = 1, Augmentation = 2, Corruption = 3, Dropout = 4, Weights = 5, Crop = 6;

    public static long Derive(long baseSeed, int purpose, int epoch = 0, int batch = 0)
    {
        var x = unchecked((ulong)baseSeed * SeededRandom.Golden);
        x = SeededRandom.Mix(x ^ (ulong)purpose);
        x = SeededRandom.Mix(x ^ ((ulong)(uint)epoch << 20));
        x = SeededRandom.Mix(x ^ (ulong)(uint)batch);
        return (long)(x & 0x7FFF_FFFF_FFFF_FFFFUL);
    }

    /// <summary>The .NET stream of one (purpose, epoch, batch) of a training run.</summary>
    public static Random Random(long baseSeed, int purpose, int epoch = 0, int batch = 0) =>
        Stream((int)(Derive(baseSeed, purpose, epoch, batch) & int.MaxValue));

    /// <summary>A .NET stream straight from a params seed (bootstrap resamples, the ImageNet head and its data order).</summary>
    public static Random Stream(int seed) => new(seed);
}
