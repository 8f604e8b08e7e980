using System.Diagnostics;
using MriTransfer.Cohorts;
using MriTransfer.Imaging;

/// <summary>
/// `IoBenchmark figshare &lt;folder&gt;`: reads every Figshare .mat in the folder with VolumeIO.Read (PureHDF; the image
/// transposed into a float32 volume), single-threaded as h5py_read.py, twice: the first pass is what one Preprocess run
/// sees (the JIT still compiling PureHDF's and our hot paths at tier 0), the second is steady state. Then it discovers
/// the folder as a cohort (label and PID of every file). Prints files/s and CPU seconds.
/// </summary>
internal static class FigshareReadBenchmark
{
    public static void Run(string folder)
    {
        var files = Directory.GetFiles(folder, "*.mat").Order(StringComparer.Ordinal).ToList();
        foreach (var pass in new[] { "first pass", "second pass" })
        {
            var (wall, cpu, checksum) = Time(() => files.Sum(f => (double)Centre(VolumeIO.Read(f))));
            Console.WriteLine($"VolumeIO.Read (PureHDF, transpose to float32), {pass}: {files.Count} files in {wall:F2} s wall ({files.Count / wall:F0} files/s), {cpu:F2} s CPU (checksum {checksum:F0})");
        }
        var (discoverWall, discoverCpu, subjects) = Time(() => (double)CohortSource.Load(folder).Count);
        Console.WriteLine($"CohortSource.Load (label + PID of every file): {subjects:F0} subjects in {discoverWall:F2} s wall, {discoverCpu:F2} s CPU");
    }

    private static float Centre(Volume v) => v[v.Nx / 2, v.Ny / 2, 0];

    private static (double Wall, double Cpu, double Result) Time(Func<double> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = work();
        return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, result);
    }
}
