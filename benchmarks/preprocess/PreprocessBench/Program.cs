using System.Diagnostics;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Preprocessing;

// Usage: PreprocessBench <volume.nii.gz> [repetitions]. Prints the median CPU milliseconds of each step (single thread).
var path = args[0];
var repetitions = args.Length > 1 ? int.Parse(args[1]) : 10;
// the chain measured in benchmarks/preprocess.md (64³ at 3 mm), spelled out: this benchmark's own settings
var settings = new PreprocessSettings(CohortMode.ThreeD, TargetShape: [64, 64, 64], TargetSpacing: [3, 3, 3], SliceShape: [128, 128], Slices: 16,
    ForegroundMethod.Fraction, ForegroundFraction: 0.1, CropMargin: 2, NormalizationMethod.ZScore, ClipPercentiles: [0.5, 99.5], Workers: 1,
    QcPerClass: 6, NearDuplicateDistance: 0, ModalitySuffix: "", VolumeIndex: null);
var times = new Dictionary<string, List<double>>();

void Time(string step, Action action)
{
    // CPU time, not wall time: the benchmark machine is shared, and every step here runs on one thread
    var before = Process.GetCurrentProcess().TotalProcessorTime;
    action();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
    (times.TryGetValue(step, out var list) ? list : times[step] = []).Add(cpu.TotalMilliseconds);
}

for (var r = 0; r < repetitions + 1; r++)
{
    Volume input = null!, resampled = null!, fitted = null!;
    double threshold = 0;
    VoxelBox box = null!;
    Time("read (bootstrap VolumeIO)", () => input = VolumeIO.Read(path));
    Time("  of which gunzip alone (floor for any reader)", () =>
    {
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        gz.CopyTo(Stream.Null);
    });
    Time("  a reader converting whole spans instead (sketch)", () => SpanReader.Read(path));
    Time("reorient to RAS + resample to 3 mm", () => resampled = Resampling.ToCanonicalSpacing(input, settings.TargetSpacing));
    Time("foreground threshold + box", () =>
    {
        threshold = Foreground.Threshold(resampled.Data, settings.Foreground, settings.ForegroundFraction);
        box = Foreground.BoundingBox(resampled.Data, resampled.Shape, threshold, settings.CropMargin)!;
    });
    Time("crop + pad", () => fitted = CropPad.CropToBoxThenFit(resampled, box, settings.TargetShape, resampled.Data.Min()));
    Time("normalise", () => IntensityNormalization.Apply(fitted.Data, fitted.Data.Select(v => v > threshold).ToArray(), settings.Normalize, 0.5, 99.5));
    Time("whole chain (VolumePreprocessor.Process)", () => VolumePreprocessor.Process(input, settings));
    Time("for comparison: libtorch trilinear interpolate, 1 thread", () =>
    {
        // the same downsampling by TorchSharp (align_corners grid, so values differ slightly; the cost is what matters)
        using var scope = TorchSharp.torch.NewDisposeScope();
        TorchSharp.torch.set_num_threads(1);
        var tensor = TorchSharp.torch.tensor(input.Data, [1, 1, input.Nz, input.Ny, input.Nx]);
        long[] size = [resampled.Nz, resampled.Ny, resampled.Nx];
        var output = TorchSharp.torch.nn.functional.interpolate(tensor, size, mode: TorchSharp.torch.InterpolationMode.Trilinear, align_corners: true);
        output.data<float>().ToArray();
    });
    Time("write .nii.gz", () => VolumeIO.WriteNifti(fitted, Path.Combine(Path.GetTempPath(), "bench-out.nii.gz")));
    if (r == 0) times.Clear(); // the first round warms the JIT
}
foreach (var (step, list) in times)
    Console.WriteLine($"{step,-45} {list.Order().ElementAt(list.Count / 2),8:F1} ms");
