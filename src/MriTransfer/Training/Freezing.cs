using MriTransfer.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>Freezing parts of a classifier: no gradients, and kept in eval mode (normalisation statistics fixed).</summary>
internal static class Freezing
{
    public static void Freeze(nn.Module module)
    {
        foreach (var p in module.parameters()) p.requires_grad = false;
    }

    /// <summary>The last <paramref name="unfreeze"/> encoder blocks (0 = all) are trainable; the rest are frozen and returned.</summary>
    public static (IReadOnlyList<Parameter> Trainable, IReadOnlyList<nn.Module> Frozen) SplitEncoder(Encoder encoder, int unfreeze)
    {
        var blocks = encoder.Blocks;
        var firstTrainable = unfreeze == 0 ? 0 : blocks.Count - unfreeze;
        var frozen = blocks.Take(firstTrainable).Cast<nn.Module>().ToList();
        foreach (var block in frozen) Freeze(block);
        var trainable = blocks.Skip(firstTrainable).SelectMany(b => b.parameters()).ToList();
        foreach (var p in trainable) p.requires_grad = true;
        return (trainable, frozen);
    }
}
