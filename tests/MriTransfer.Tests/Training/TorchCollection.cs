namespace MriTransfer.Tests.Training;

/// <summary>
/// libtorch's seed and thread count are process-wide: tests that seed, train or compare outputs bit for bit must not
/// run while another test changes them. Every test class that uses TorchSharp joins this collection, which runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "Torch (process-wide seed and threads)";
}
