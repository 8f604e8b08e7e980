using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// A stage's libtorch threads: intra-op = <c>runtime.torch_threads</c> (the core share the engine also passes as
/// OMP_NUM_THREADS / MKL_NUM_THREADS), inter-op = 1 — eager training has no independent operators to overlap, and a
/// second pool would only compete for the same cores.
/// </summary>
public static class TorchThreads
{
    private static bool _interopSet;
    private static readonly object Gate = new();

    public static void Use(int threads)
    {
        set_num_threads(threads);
        lock (Gate)
        {
            // libtorch allows setting the inter-op pool once per process, before any parallel work
            if (_interopSet) return;
            _interopSet = true;
            try { if (get_num_interop_threads() != 1) set_num_interop_threads(1); }
            catch (System.Runtime.InteropServices.ExternalException) { } // parallel work already ran in this process (a test host): keep its pool
        }
    }
}
