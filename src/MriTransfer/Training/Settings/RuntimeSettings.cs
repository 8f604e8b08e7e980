namespace MriTransfer.Training.Settings;

/// <summary><c>runtime.torch_threads</c>: libtorch intra-op threads of a stage.</summary>
public sealed record RuntimeSettings(int TorchThreads);
