using System.Diagnostics;
using System.Globalization;
using static TorchSharp.torch;

// LayerBench <threads> <batch> <seconds per layer> <layer>...   layer = cin:cout:size[:stride], e.g. 1:4:32 16:32:16:2
// Prints GFLOP/s of forward + backward (input and weight gradients) of a 3×3×3 Conv3d, padding 1.
// FLOPs = 3 × forward, forward = 2 × cin × cout × 27 × output voxels × batch (multiply-adds counted as 2).
int threads = int.Parse(args[0]), batch = int.Parse(args[1]);
var budget = double.Parse(args[2], CultureInfo.InvariantCulture);
set_num_threads(threads);
foreach (var layer in args.Skip(3))
{
    var f = layer.Split(':').Select(int.Parse).ToArray();
    int cin = f[0], cout = f[1], size = f[2], stride = f.Length > 3 ? f[3] : 1;
    manual_seed(0);
    using var conv = nn.Conv3d(cin, cout, 3, stride: stride, padding: 1);
    using var x = randn(new long[] { batch, cin, size, size, size }).requires_grad_(true);
    var outSize = (size + 2 - 3) / stride + 1;
    var flops = 3.0 * 2 * cin * cout * 27 * Math.Pow(outSize, 3) * batch;
    void Step()
    {
        using var scope = NewDisposeScope();
        conv.forward(x).sum().backward();
        conv.zero_grad();
        x.grad?.zero_();
    }
    Step(); Step();
    var clock = Stopwatch.StartNew();
    var steps = 0;
    while (clock.Elapsed.TotalSeconds < budget || steps < 3) { Step(); steps++; }
    var seconds = clock.Elapsed.TotalSeconds / steps;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"torchsharp {cin}->{cout} @ {size}^3 stride {stride}: {flops / seconds / 1e9:F1} GFLOP/s ({seconds * 1000:F1} ms per step, {steps} steps)"));
}
