using System.Security.Cryptography;
using static TorchSharp.torch;

// KernelProbe [threads]: one line per operation, "<name> <sha256 of its outputs' bytes, 16 hex digits>".
// Inputs are drawn from a fixed seed; every result (forward output and every gradient) is hashed bit for bit.
set_num_threads(args.Length > 0 ? int.Parse(args[0]) : 1);
manual_seed(1234);
string Hash(params Tensor[] results)
{
    using var sha = SHA256.Create();
    foreach (var t in results)
    {
        var bytes = t.contiguous().to_type(ScalarType.Float32).data<float>().ToArray().SelectMany(BitConverter.GetBytes).ToArray();
        sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
    }
    sha.TransformFinalBlock([], 0, 0);
    return Convert.ToHexString(sha.Hash!)[..16].ToLowerInvariant();
}
void Probe(string name, nn.Module<Tensor, Tensor> layer, long[] shape)
{
    var x = randn(shape).requires_grad_(true);
    var y = layer.forward(x);
    (y * y).sum().backward();
    Console.WriteLine($"{name} {Hash([y, x.grad!, .. layer.parameters().Select(p => p.grad!)])}");
}
Probe("conv3d 1->16 stride 2 @ 24^3", nn.Conv3d(1, 16, 3, stride: 2, padding: 1), [4, 1, 24, 24, 24]);
Probe("conv3d 16->16 @ 12^3", nn.Conv3d(16, 16, 3, padding: 1), [4, 16, 12, 12, 12]);
Probe("conv3d 16->32 stride 2 @ 12^3", nn.Conv3d(16, 32, 3, stride: 2, padding: 1), [4, 16, 12, 12, 12]);
Probe("conv3d 4->8 @ 16^3", nn.Conv3d(4, 8, 3, padding: 1), [4, 4, 16, 16, 16]);
Probe("convtranspose3d 32->16 stride 2 @ 6^3", nn.ConvTranspose3d(32, 16, 2, stride: 2), [4, 32, 6, 6, 6]);
Probe("conv2d 3->64 7x7 stride 2 @ 64^2", nn.Conv2d(3, 64, 7, stride: 2, padding: 3), [4, 3, 64, 64]);
Probe("batchnorm3d 16", nn.BatchNorm3d(16), [4, 16, 8, 8, 8]);
// TorchSharp 0.107 leaves GroupNorm's affine parameters uninitialised: set them as PyTorch does
var groupNorm = nn.GroupNorm(8, 32);
using (no_grad()) foreach (var (name, p) in groupNorm.named_parameters()) p.fill_(name == "weight" ? 1 : 0);
Probe("groupnorm 8 groups of 32", groupNorm, [4, 32, 8, 8, 8]);
Probe("linear 224->32", nn.Linear(224, 32), [16, 224]);
Probe("maxpool3d 2", nn.MaxPool3d(2), [4, 8, 8, 8, 8]);
var a = randn(64, 64); var b = randn(64, 64);
Console.WriteLine($"matmul 64x64 {Hash(a.matmul(b))}");
Console.WriteLine($"softmax+log {Hash(nn.functional.log_softmax(a, 1))}");
Console.WriteLine($"exp/tanh/sigmoid {Hash(a.exp(), a.tanh(), a.sigmoid())}");
var grid = nn.functional.affine_grid(eye(3, 4).unsqueeze(0).repeat(2, 1, 1) * 0.9, new long[] { 2, 1, 8, 8, 8 }, align_corners: false);
Console.WriteLine($"grid_sample 3-D {Hash(nn.functional.grid_sample(randn(new long[] { 2, 1, 8, 8, 8 }), grid, align_corners: false))}");
