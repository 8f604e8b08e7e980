using System.Diagnostics;
using System.IO.Compression;
using MriTransfer.Cohorts.Synthetic;
using MriTransfer.Imaging;

// Usage: IoBenchmark <work folder> [side=192] [repeats=5]   |   IoBenchmark figshare <folder of .mat files>
// Writes bench.nii and bench.nii.gz (a float32 phantom of side³ voxels) into the folder, then prints a
// markdown table: median seconds and MB/s of voxel data for each way of reading, and the time to
// synthesize the default cohorts.
if (args is ["figshare", var matFolder])
{
    FigshareReadBenchmark.Run(matFolder);
    return;
}
var folder = Path.GetFullPath(args.Length > 0 ? args[0] : "bench-io");
var side = args.Length > 1 ? int.Parse(args[1]) : 192;
var repeats = args.Length > 2 ? int.Parse(args[2]) : 5;
Directory.CreateDirectory(folder);
// the cohorts measured in benchmarks/io.md (120 AD + 40 BT at 64³ × 3 mm), spelled out: this benchmark's own settings
var settings = new SyntheticCohortSettings(Seed: 20251126, AdSubjects: 120, BtSubjects: 40, Shape: [64, 64, 64], SpacingMm: 3.0,
    Difficulty: 0.5, Noise: 0.04, BiasField: 0.2, MaxRotationDeg: 6, MaxShiftMm: 4, BtRepeatFraction: 0.25, Compress: true);
var phantom = PhantomRenderer.Render(AdCohortPlan.Scan(settings, 0).Phantom, [side, side, side], 192.0 / side);
var nii = Path.Combine(folder, "bench.nii");
var gz = Path.Combine(folder, "bench.nii.gz");
VolumeIO.WriteNifti(phantom, nii);
VolumeIO.WriteNifti(phantom, gz);
var megabytes = phantom.Data.Length * 4 / 1e6;

// Median wall seconds, and mean CPU seconds per run (CPU time is robust when other processes share the cores).
(double Wall, double Cpu) Median(Action action)
{
    action(); // warm-up
    var times = new List<double>();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < repeats; i++)
    {
        var clock = Stopwatch.StartNew();
        action();
        times.Add(clock.Elapsed.TotalSeconds);
    }
    return (times.Order().ElementAt(times.Count / 2), (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / repeats);
}

Console.WriteLine($"voxel data: {side}³ float32 = {megabytes:F1} MB; .nii.gz on disk {new FileInfo(gz).Length / 1e6:F1} MB; median of {repeats}");
Console.WriteLine("| what | wall s (median) | MB/s wall | CPU s (mean) | MB/s CPU |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
void Row(string what, (double Wall, double Cpu) t) => Console.WriteLine($"| {what} | {t.Wall:F3} | {megabytes / t.Wall:F0} | {t.Cpu:F3} | {megabytes / t.Cpu:F0} |");
Row("VolumeIO.Read .nii", Median(() => VolumeIO.Read(nii)));
Row("VolumeIO.Read .nii.gz", Median(() => VolumeIO.Read(gz)));
Row("GZipStream → Stream.Null (plain decompression)", Median(() =>
{
    using var stream = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
    stream.CopyTo(Stream.Null, 1 << 20);
}));

var output = Path.Combine(folder, "cohorts");
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var synth = Stopwatch.StartNew();
if (Directory.Exists(output)) Directory.Delete(output, true);
var summary = SyntheticCohorts.Generate(settings, output);
Console.WriteLine();
Console.WriteLine($"synthesize default cohorts ({settings.AdSubjects} AD + {settings.BtSubjects} BT at {string.Join("×", settings.Shape)}, .nii.gz, {Environment.ProcessorCount} threads): {synth.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:F1} s CPU; {Directory.GetFiles(output, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1e6:F0} MB written");
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
for (var i = 0; i < 10; i++) PhantomRenderer.Render(AdCohortPlan.Scan(settings, i).Phantom, settings.Shape, settings.SpacingMm);
Console.WriteLine($"render one default subject (single thread, no I/O): {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 10:F0} ms CPU");
