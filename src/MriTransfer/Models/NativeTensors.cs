using static TorchSharp.torch;

namespace MriTransfer.Models;

/// <summary>
/// Small tensors from managed values, allocated by libtorch and filled by copy. <c>torch.tensor(T[])</c> instead wraps
/// the managed array and frees it through a GC handle and a deleter delegate; TorchSharp 0.107 has been seen to crash
/// with "callback on garbage collected delegate GCHandleDeleter" when such tensors are made per batch inside a
/// DisposeScope. A copy of a few numbers costs nothing next to a convolution, and no managed memory is shared.
/// </summary>
public static class NativeTensors
{
    public static Tensor Floats(float[] values, params long[] shape)
    {
        var t = empty(shape.Length == 0 ? [values.Length] : shape, ScalarType.Float32);
        CheckLength(t, values.Length);
        t.data<float>().CopyFrom(values);
        return t;
    }

    public static Tensor Longs(long[] values)
    {
        var t = empty([values.Length], ScalarType.Int64);
        t.data<long>().CopyFrom(values);
        return t;
    }

    public static Tensor Longs(IReadOnlyList<int> values)
    {
        var longs = new long[values.Count];
        for (var i = 0; i < longs.Length; i++) longs[i] = values[i];
        return Longs(longs);
    }

    public static Tensor Bools(bool[] values, params long[] shape)
    {
        var t = empty(shape.Length == 0 ? [values.Length] : shape, ScalarType.Bool);
        CheckLength(t, values.Length);
        t.data<bool>().CopyFrom(values);
        return t;
    }

    private static void CheckLength(Tensor t, int length)
    {
        if (t.numel() != length) throw new ArgumentException($"{length} values cannot fill a tensor of shape [{string.Join(", ", t.shape)}]");
    }
}
