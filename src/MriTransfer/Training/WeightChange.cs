using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>How far training moved a module's weights: ‖w_end − w_start‖ / ‖w_start‖ over all its parameters.</summary>
internal sealed class WeightChange : IDisposable
{
    private readonly Tensor start;

    private WeightChange(Tensor start) => this.start = start;

    public static WeightChange Snapshot(nn.Module module) => new(Flat(module));

    public double Relative(nn.Module module)
    {
        using var scope = NewDisposeScope();
        var end = Flat(module);
        var norm = start.norm().item<float>();
        return norm == 0 ? 0 : (end - start).norm().item<float>() / norm;
    }

    private static Tensor Flat(nn.Module module)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var parameters = module.parameters().Select(p => p.detach().flatten()).ToArray();
        return (parameters.Length == 0 ? zeros(1) : cat(parameters, 0)).MoveToOuterDisposeScope();
    }

    public void Dispose() => start.Dispose();
}
