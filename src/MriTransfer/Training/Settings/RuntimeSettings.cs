namespace MriTransfer.Training.Settings;

/// <summary>Param <c>runtime.torch_threads</c> (1..256, default 2): libtorch intra-op threads.</summary>
public sealed record RuntimeSettings(int TorchThreads)
{
    public static RuntimeSettings Read(ParamReader p) => new(p.Int("runtime.torch_threads", 2, 1, 256));
}
