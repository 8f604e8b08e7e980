using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Training.ImageNet;

/// <summary>
/// How far training moved a set of weights: ‖θ_after − θ_before‖ / ‖θ_before‖ over all of them (Frobenius norms of
/// the concatenated parameters). 0 for a frozen backbone; the report prints it so a reader sees whether fine-tuning
/// fine-tuned.
/// </summary>
public sealed class WeightChange : IDisposable
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly List<Tensor> _before;

    private WeightChange(IReadOnlyList<Parameter> parameters)
    {
        _parameters = parameters;
        using var noGrad = no_grad();
        _before = parameters.Select(p => p.detach().clone().DetachFromDisposeScope()).ToList();
    }

    /// <summary>Copies the weights now, to compare with later.</summary>
    public static WeightChange Snapshot(IReadOnlyList<Parameter> parameters) => new(parameters);

    public double Relative()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        double moved = 0, size = 0;
        for (var i = 0; i < _parameters.Count; i++)
        {
            moved += _parameters[i].sub(_before[i]).pow(2).sum().item<float>();
            size += _before[i].pow(2).sum().item<float>();
        }
        return size > 0 ? Math.Sqrt(moved) / Math.Sqrt(size) : 0;
    }

    public void Dispose()
    {
        foreach (var t in _before) t.Dispose();
    }
}
