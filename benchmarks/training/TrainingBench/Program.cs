using System.Diagnostics;
using System.Globalization;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Imaging;
using MriTransfer.Models;
using MriTransfer.Training;
using MriTransfer.Training.Loop;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;
using static TorchSharp.torch;

// throughput <size> <batch> <threads> <steps> <block:norm:widths, e.g. plain:batch:4,8,16 or strided:group:16,32,64>   (also prints GFLOP/s and % of peak)
// optimizer-memory <adamw|sgd> <collect|nocollect>   (RSS of ResNet-18 slice training steps: the TorchSharp Adam finalizer growth)
// optimizer-step <one|per-group> <steps> [after-backward]   (ms per Adam step over ResNet-18's parameters: one optimizer, or one per depth group plus the head as ImageNetFineTune; after-backward: each step follows a forward + backward as in the stage)
// layers <batch> <threads> <reps>   (single Conv3d 3x3x3 layers, forward + backward, issue 15's shapes)
// cohort <dir> <classes comma> <train per class> <val per class> <test per class> <size>
// stage <Pretrain|ExportEncoder|TrainHead|FineTune|TrainScratch> <work dir> [params.yaml]   (prints seconds and peak RSS)
var mode = args[0];
if (mode == "throughput")
{
    int size = int.Parse(args[1]), batch = int.Parse(args[2]), threads = int.Parse(args[3]), steps = int.Parse(args[4]);
    set_num_threads(threads);
    manual_seed(0);
    var net = args[5].Split(':');
    using var model = new Autoencoder(
        EncoderArchitecture.Create(3, net[2].Split(',').Select(int.Parse).ToArray(), norm: net[1], normGroups: 4, block: net[0]), AutoencoderVariant.Plain);
    var flops = FlopCount.Trace(model, [1, size, size, size]).TrainingPerSample;
    var peak = ComputePeak.OfThisMachine(threads);
    using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
    var x = randn(new long[] { batch, 1, size, size, size });
    void Step()
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.mse_loss(model.forward(x), x);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    Step(); Step(); // warm-up
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < steps; i++) Step();
    var seconds = clock.Elapsed.TotalSeconds;
    var gflops = steps * batch * flops / seconds / 1e9;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torchsharp net={args[5]} size={size} batch={batch} threads={threads} steps={steps} volumes_per_s={steps * batch / seconds:F2} s_per_step={seconds / steps:F3} training_gflop_per_volume={flops / 1e9:F3} gflop_s={gflops:F1} peak_fraction={100 * gflops / peak.Gflops:F1}% of {peak.Describe()}"));
    return 0;
}
if (mode == "optimizer-memory")
{
    set_num_threads(2);
    using var net = new MriTransfer.Models.ImageNet.ResNetSliceNet(new MriTransfer.Models.ImageNet.ResNet18Backbone(), 4);
    net.TrainHeadKeepBatchNormFrozen();
    using optim.Optimizer optimizer = args[1] == "sgd" ? optim.SGD(net.parameters(), 1e-4) : optim.AdamW(net.parameters(), lr: 1e-4);
    using var x = rand(new long[] { 32, 3, 64, 64 });
    using var y = zeros(new long[] { 32 }, ScalarType.Int64);
    for (var i = 1; i <= 30; i++)
    {
        using (var scope = NewDisposeScope())
        {
            optimizer.zero_grad();
            nn.functional.cross_entropy(net.forward(x), y).backward();
            if (args[2] == "collect") OptimizerFactory.Step(optimizer); else optimizer.step();
        }
        if (i % 10 == 0) Console.WriteLine($"{args[1]} {args[2]} step {i} rss_mb {Process.GetCurrentProcess().WorkingSet64 / 1048576}");
    }
    return 0;
}
if (mode == "optimizer-step")
{
    set_num_threads(2);
    using var net = new MriTransfer.Models.ImageNet.ResNetSliceNet(new MriTransfer.Models.ImageNet.ResNet18Backbone(), 4);
    var groups = net.Backbone.ParameterGroupsByDepth().Select(g => g.Parameters).Prepend(net.Head.parameters().ToList()).ToList();
    var optimizers = args[1] == "one"
        ? new List<optim.Optimizer> { optim.Adam(groups.Select(g => new TorchSharp.Modules.Adam.ParamGroup(g, lr: 1e-5))) }
        : groups.Select(g => (optim.Optimizer)optim.Adam(g, 1e-5)).ToList();
    int steps = int.Parse(args[2]);
    // "after-backward": each step follows a forward + backward of a 32 × 64 px batch inside the step's dispose scope,
    // as in ImageNetFineTune (BN frozen); only the step is timed. Otherwise a gradient sits in place and only steps run.
    var afterBackward = args.Length > 3 && args[3] == "after-backward";
    using var x = rand(new long[] { 32, 3, 64, 64 });
    using var y = zeros(new long[] { 32 }, ScalarType.Int64);
    if (afterBackward) net.TrainHeadKeepBatchNormFrozen();
    else foreach (var p in net.parameters()) p.grad = randn_like(p);
    double collectMs = 0;
    double Run(int n)
    {
        // OptimizerFactory.Step is optimizer.step() then GC.Collect(0): the two are timed apart
        TimeSpan step = TimeSpan.Zero, collect = TimeSpan.Zero;
        for (var i = 0; i < n; i++)
        {
            using var scope = afterBackward ? NewDisposeScope() : null;
            if (afterBackward)
            {
                foreach (var o in optimizers) o.zero_grad();
                nn.functional.cross_entropy(net.forward(x), y).backward();
            }
            var clock = Stopwatch.StartNew();
            foreach (var o in optimizers) o.step();
            step += clock.Elapsed;
            clock.Restart();
            GC.Collect(0);
            collect += clock.Elapsed;
        }
        collectMs = collect.TotalMilliseconds / n;
        return (step + collect).TotalMilliseconds / n;
    }
    Run(3); // warm-up: Adam's state allocated
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torchsharp optimizer={args[1]}{(afterBackward ? " after-backward" : "")} optimizers={optimizers.Count} parameters={net.parameters().Sum(p => p.numel())} ms_per_step={Run(steps):F1} of_which_gc_collect_0_ms={collectMs:F1}"));
    return 0;
}
if (mode == "layers")
{
    int batch = int.Parse(args[1]), threads = int.Parse(args[2]), reps = int.Parse(args[3]);
    set_num_threads(threads);
    manual_seed(0);
    var peak = ComputePeak.OfThisMachine(threads);
    foreach (var (cin, cout, size) in new[] { (1, 4, 32), (4, 4, 32), (4, 8, 32), (8, 8, 16), (16, 16, 16), (16, 32, 16), (32, 32, 16), (64, 64, 8) })
    {
        using var conv = nn.Conv3d(cin, cout, 3, padding: 1);
        using var x = randn(new long[] { batch, cin, size, size, size }).requires_grad_();
        void Step()
        {
            using var scope = NewDisposeScope();
            conv.zero_grad();
            x.grad?.zero_();
            conv.forward(x).sum().backward();
        }
        Step();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < reps; i++) Step();
        var seconds = clock.Elapsed.TotalSeconds / reps;
        var flops = 3.0 * 2 * cout * cin * 27 * Math.Pow(size, 3) * batch;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torchsharp {cin}->{cout}@{size} {flops / seconds / 1e9:F1} GFLOP/s ({100 * flops / seconds / 1e9 / peak.Gflops:F0} % of {peak.Describe()})"));
    }
    return 0;
}
if (mode == "cohort")
{
    var root = args[1];
    var classes = args[2].Split(',');
    int train = int.Parse(args[3]), val = int.Parse(args[4]), test = int.Parse(args[5]), size = int.Parse(args[6]);
    SyntheticCohort.Write(root, classes, train, val, test, size);
    return 0;
}
if (mode == "stage")
{
    var work = args[2];
    var p = StageParams.Load(args.Length > 3 ? args[3] : "params.yaml");
    var classifier = new ClassifierSettings(p.Bind<ModelSettings>("model"), p.Bind<ClassifierOptions>("classifier"), p.Bind<OptimizerSettings>("classifier"),
        p.Bind<TrainSettings>("train"), p.Bind<RuntimeSettings>("runtime"));
    var clock = Stopwatch.StartNew();
    void Progress(string line) => Console.WriteLine($"  [{clock.Elapsed.TotalSeconds,6:F1}s] {line}");
    void Log(string line) => Console.WriteLine($"  log: {line}");
    var output = Path.Combine(work, args[1]);
    Directory.CreateDirectory(output);
    switch (args[1])
    {
        case "Pretrain": Pretraining.Run(Path.Combine(work, "ad"), output, new PretrainSettings(p.Bind<EncoderSettings>("model"), p.Bind<PretrainOptions>("pretrain"), p.Bind<OptimizerSettings>("pretrain"), p.Bind<RuntimeSettings>("runtime")), Progress, log: Log); break;
        case "ExportEncoder": EncoderExport.Run(Path.Combine(work, "Pretrain"), output); break;
        case "TrainHead": HeadTraining.Run(Path.Combine(work, "ExportEncoder"), Path.Combine(work, "bt"), output, classifier, Progress, Log); break;
        case "FineTune": FineTuning.Run(Path.Combine(work, "TrainHead"), Path.Combine(work, "bt"), output, classifier, p.Bind<FineTuneSettings>("finetune"), Progress, Log); break;
        case "TrainScratch": ScratchTraining.Run(Path.Combine(work, "bt"), output, classifier, Progress, Log); break;
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{args[1]}: {clock.Elapsed.TotalSeconds:F1} s, peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB"));
    return 0;
}
Console.Error.WriteLine("usage: throughput|cohort|stage ...");
return 2;

/// <summary>A preprocessed-cohort folder with class-dependent bright blocks on noise (for timing only).</summary>
internal static class SyntheticCohort
{
    public static void Write(string root, string[] classes, int train, int val, int test, int size)
    {
        Directory.CreateDirectory(Path.Combine(root, "subjects"));
        var random = new Random(0);
        var index = new List<PreprocessedSubject>();
        foreach (var (split, count) in new[] { ("train", train), ("val", val), ("test", test) })
            for (var c = 0; c < classes.Length; c++)
                for (var i = 0; i < count; i++)
                {
                    var id = $"sub-{index.Count:D4}";
                    var volume = Volume.Create(size, size, size, 3, 3, 3);
                    for (var v = 0; v < volume.Data.Length; v++) volume.Data[v] = (float)(random.NextDouble() - 0.5);
                    var half = size / 8 + 2 * c;
                    for (var z = size / 2 - half; z < size / 2 + half; z++)
                        for (var y = size / 2 - half; y < size / 2 + half; y++)
                            for (var x = size / 2 - half; x < size / 2 + half; x++) volume[x, y, z] += 1;
                    VolumeIO.WriteNifti(volume, Path.Combine(root, "subjects", id + ".nii.gz"));
                    index.Add(new PreprocessedSubject(id, id, classes[c], split, $"subjects/{id}.nii.gz", 0, 1, -1, 1));
                }
        var summary = new PreprocessedCohortSummary(CohortMode.ThreeD, CohortRole.Bt, classes, [size, size, size], [3, 3, 3],
            new Dictionary<string, IReadOnlyDictionary<string, int>>(), new Dictionary<string, int>(), 0, [1.0]);
        PreprocessedCohortWriter.Write(root, summary, index,
            index.Select(s => new SplitAssignment(s.SubjectId, s.PatientId, s.Label, s.Split, null, s.SubjectId)).ToList(),
            index.Where(s => s.Split == SplitNames.Train).Select(s => new LabelFractionRow(s.SubjectId, 1.0)).ToList());
    }
}
