using MriTransfer.Training.Settings;
using TorchSharp;
using TorchSharp.Modules;

namespace MriTransfer.Training;

/// <summary>A group of parameters trained at base lr × <see cref="LrMultiplier"/>; classifiers name theirs "encoder" and "head" (training.json's lr).</summary>
public sealed record TrainableGroup(IReadOnlyList<Parameter> Parameters, double LrMultiplier = 1.0, string Name = "all");

/// <summary>Adam or AdamW over parameter groups, and setting each group's lr for an epoch.</summary>
public static class OptimizerFactory
{
    public static torch.optim.Optimizer Create(OptimizerSettings settings, IReadOnlyList<TrainableGroup> groups, double baseLr)
    {
        var nonEmpty = groups.Where(g => g.Parameters.Count > 0).ToList();
        return settings.Optimizer == "adam"
            ? torch.optim.Adam(nonEmpty.Select(g => new Adam.ParamGroup(g.Parameters, lr: baseLr * g.LrMultiplier, weight_decay: settings.WeightDecay)))
            : torch.optim.AdamW(nonEmpty.Select(g => new AdamW.ParamGroup(g.Parameters, lr: baseLr * g.LrMultiplier, weight_decay: settings.WeightDecay)));
    }

    /// <summary>
    /// One optimizer step, then a gen-0 collection. TorchSharp 0.107's Adam/AdamW step leaves managed tensor wrappers
    /// outside every dispose scope whose native buffers are freed only by their finalizers; the managed heap stays small,
    /// so the GC rarely runs and the process grew by ≈ 17 MB per ResNet-18 step (ImageNetFineTune reached 24 GB and was
    /// killed by the OOM killer at epoch 6). Collecting gen 0 after each step keeps it flat (measured: 1,041 MB after 30
    /// steps without, 606 MB with; SGD does not leak); it costs well under a millisecond against steps of 0.1–1 s.
    /// </summary>
    public static void Step(torch.optim.Optimizer optimizer)
    {
        optimizer.step();
        GC.Collect(0);
    }

    /// <summary>Sets every group's lr to its base lr × <paramref name="factor"/> (groups keep their multipliers).</summary>
    public static void SetLearningRates(torch.optim.Optimizer optimizer, IReadOnlyList<TrainableGroup> groups, double baseLr, double factor)
    {
        var nonEmpty = groups.Where(g => g.Parameters.Count > 0).ToList();
        var i = 0;
        foreach (var group in optimizer.ParamGroups) group.LearningRate = baseLr * nonEmpty[i++].LrMultiplier * factor;
    }
}
