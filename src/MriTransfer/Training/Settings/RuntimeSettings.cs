namespace MriTransfer.Training.Settings;

/// <summary><c>runtime.torch_threads</c>: libtorch intra-op threads of a stage; <c>runtime.sample_memory_fraction</c>:
/// the share of available memory above which a training stage memory-maps its sample sets (declared by the stages that
/// load them — Pretrain and the encoder classifiers; null elsewhere).</summary>
public sealed record RuntimeSettings(int TorchThreads, double? SampleMemoryFraction = null);
