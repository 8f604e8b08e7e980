namespace MriTransfer.Training;

/// <summary>
/// Derives independent, reproducible seeds from a base seed and a position (epoch, batch, purpose), so an epoch's
/// random choices do not depend on what ran before it: a resumed run draws exactly what an uninterrupted one would.
/// </summary>
public static class Seeds
{
    public const int DataOrder = 1, Augmentation = 2, Corruption = 3, Dropout = 4, Weights = 5;

    public static long Derive(long baseSeed, int purpose, int epoch = 0, int batch = 0)
    {
        var x = unchecked((ulong)baseSeed * 0x9E3779B97F4A7C15UL);
        x = Mix(x ^ (ulong)purpose);
        x = Mix(x ^ ((ulong)(uint)epoch << 20));
        x = Mix(x ^ (ulong)(uint)batch);
        return (long)(x & 0x7FFF_FFFF_FFFF_FFFFUL);
    }

    public static Random Random(long baseSeed, int purpose, int epoch = 0, int batch = 0) =>
        new((int)(Derive(baseSeed, purpose, epoch, batch) & int.MaxValue));

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
