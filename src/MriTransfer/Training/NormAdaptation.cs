using MriTransfer.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// AdaBN (<c>head.adapt_norm</c>): a batch-norm encoder's running means and variances re-estimated on the BT train
/// volumes (a cumulative average over every sample, weights unchanged), so a frozen encoder normalises BT by BT's
/// statistics rather than AD's. Group and instance norm have no running statistics: nothing to adapt.
/// </summary>
internal static class NormAdaptation
{
    /// <returns>The number of batch-norm layers adapted.</returns>
    public static int Adapt(Encoder encoder, SampleSet samples, int batchSize)
    {
        var norms = encoder.modules().OfType<NormBase>().Where(n => n.track_running_stats).ToList();
        if (norms.Count == 0) return 0;
        var momenta = norms.Select(n => n.momentum).ToList();
        foreach (var norm in norms)
        {
            norm.reset_running_stats();
            norm.momentum = null; // cumulative moving average: every batch weighs by its share
        }
        encoder.train();
        using (var noGrad = no_grad())
            foreach (var batch in samples.OrderedBatches(batchSize))
            {
                using var scope = NewDisposeScope();
                encoder.forward(samples.Batch(batch));
            }
        encoder.eval();
        for (var i = 0; i < norms.Count; i++) norms[i].momentum = momenta[i];
        return norms.Count;
    }
}
