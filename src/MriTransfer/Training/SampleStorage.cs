using System.Globalization;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// Where a <see cref="SampleSet"/>'s one contiguous float32 tensor lives: in RAM, or — when it is larger than
/// <c>runtime.sample_memory_fraction</c> of the memory available as it loads (the machine's, or less when the process's
/// memory cgroup allows less) — in a memory-mapped file in the system
/// temp folder (libtorch's <c>from_file</c>, shared), so a cohort larger than the machine's memory still trains: the
/// kernel pages the rows a batch selects in and out. The values are the same either way (the same bytes, read by the
/// same <c>index_select</c>), so the choice never changes a result. The file is unlinked as soon as it is mapped where
/// the OS allows it (Linux, macOS), so a killed stage leaves nothing behind; elsewhere it is deleted on dispose.
/// </summary>
public sealed class SampleStorage : IDisposable
{
    private string? _path;

    private SampleStorage(Tensor data, string? path, bool isMapped, string description)
    {
        Data = data;
        _path = path;
        IsMapped = isMapped;
        Description = description;
    }

    /// <summary>The (N, …) float32 tensor, contiguous; owned by the storage.</summary>
    public Tensor Data { get; }
    public bool IsMapped { get; }
    /// <summary>For the log: where the samples are held and why.</summary>
    public string Description { get; }

    /// <param name="memoryFraction">map when the tensor exceeds this share of the available memory (0 = always map);
    /// null = always in RAM.</param>
    public static SampleStorage Allocate(long[] shape, double? memoryFraction)
    {
        var bytes = shape.Aggregate(1L, (a, n) => a * n) * sizeof(float);
        var mb = (double b) => (b / (1 << 20)).ToString("F0", CultureInfo.InvariantCulture);
        if (memoryFraction is not { } fraction)
            return InMemory(shape, $"in memory ({mb(bytes)} MB)");
        var available = AvailableMemoryBytes();
        if (bytes <= fraction * available)
            return InMemory(shape, $"in memory ({mb(bytes)} MB of {mb(available)} MB available)");

        var path = Path.Combine(Path.GetTempPath(), $"mritransfer-samples-{Environment.ProcessId}-{Guid.NewGuid():N}.f32");
        Tensor flat;
        try { flat = from_file(path, shared: true, size: bytes / sizeof(float), dtype: ScalarType.Float32); }
        catch (Exception e) when (e is ExternalException or IOException or UnauthorizedAccessException)
        {
            TryDelete(path);
            throw new TrainingInputException(
                $"{path}: could not memory-map {mb(bytes)} MB of samples ({e.Message}); free disk space in {Path.GetTempPath()} " +
                "(or point TMPDIR elsewhere), or raise runtime.sample_memory_fraction to keep them in RAM");
        }
        var data = flat.reshape(shape).DetachFromDisposeScope();
        flat.Dispose();
        var storage = new SampleStorage(data, path, isMapped: true, $"memory-mapped from {path} ({mb(bytes)} MB > runtime.sample_memory_fraction {fraction} × {mb(available)} MB available)");
        if (!OperatingSystem.IsWindows() && TryDelete(path)) storage._path = null; // the mapping keeps the pages
        return storage;
    }

    private static SampleStorage InMemory(long[] shape, string description) =>
        new(empty(shape, ScalarType.Float32).DetachFromDisposeScope(), null, isMapped: false, description);

    /// <summary>
    /// MemAvailable of /proc/meminfo where there is one, else what the runtime reports as available to it; capped by
    /// what the process's memory cgroup still allows (<see cref="CgroupMemory"/>: a Slurm job's or a container's limit).
    /// </summary>
    public static long AvailableMemoryBytes() => Math.Min(MachineAvailableBytes(), CgroupMemory.HeadroomBytes() ?? long.MaxValue);

    private static long MachineAvailableBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)
                    && long.TryParse(line["MemAvailable:".Length..].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
                    return kb * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    private static bool TryDelete(string path)
    {
        try { File.Delete(path); return true; }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    public void Dispose()
    {
        Data.Dispose();
        if (_path is { } path) TryDelete(path);
        _path = null;
    }
}
