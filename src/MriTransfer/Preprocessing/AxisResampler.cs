using System.Numerics;
using System.Runtime.InteropServices;

namespace MriTransfer.Preprocessing;

/// <summary>
/// One-dimensional resampling along one axis of a 3-D array (x fastest), as precomputed taps: each output sample
/// is a weighted sum of a few input samples. Applying it along x, y and z in turn is exactly trilinear
/// (or nearest-neighbour) interpolation, at a fraction of the cost of a 3-D gather.
/// </summary>
internal sealed class AxisResampler
{
    private readonly int[] _index;
    private readonly float[] _weight;
    private readonly int _taps;

    private AxisResampler(int inputLength, int outputLength, int taps, int[] index, float[] weight)
    {
        InputLength = inputLength;
        OutputLength = outputLength;
        _taps = taps;
        _index = index;
        _weight = weight;
    }

    public int InputLength { get; }
    public int OutputLength { get; }

    /// <summary>Linear interpolation at input coordinate <c>coordinate(j)</c> for output j, clamped at the borders.</summary>
    public static AxisResampler Linear(int inputLength, int outputLength, Func<int, double> coordinate)
    {
        var index = new int[outputLength * 2];
        var weight = new float[outputLength * 2];
        for (var j = 0; j < outputLength; j++)
        {
            var x = Math.Clamp(coordinate(j), 0, inputLength - 1);
            var i0 = Math.Min((int)Math.Floor(x), inputLength - 1);
            var i1 = Math.Min(i0 + 1, inputLength - 1);
            var w1 = x - i0;
            (index[2 * j], index[2 * j + 1]) = (i0, i1);
            (weight[2 * j], weight[2 * j + 1]) = ((float)(1 - w1), (float)w1);
        }
        return new AxisResampler(inputLength, outputLength, 2, index, weight);
    }

    /// <summary>Nearest neighbour (for masks and labels): the input sample whose centre is closest.</summary>
    public static AxisResampler Nearest(int inputLength, int outputLength, Func<int, double> coordinate)
    {
        var index = new int[outputLength];
        var weight = new float[outputLength];
        for (var j = 0; j < outputLength; j++)
        {
            index[j] = Math.Clamp((int)Math.Round(coordinate(j), MidpointRounding.AwayFromZero), 0, inputLength - 1);
            weight[j] = 1;
        }
        return new AxisResampler(inputLength, outputLength, 1, index, weight);
    }

    /// <summary>
    /// Image resizing with half-pixel centres (like PIL / torch antialias): a triangle filter stretched by the
    /// shrink factor when downsampling, so every input pixel contributes; plain linear when upsampling.
    /// </summary>
    public static AxisResampler Resize(int inputLength, int outputLength, double start = 0, double? length = null)
    {
        var span = length ?? inputLength;
        var scale = span / outputLength;
        var support = Math.Max(1.0, scale);
        var taps = (int)Math.Ceiling(support) * 2 + 1;
        var index = new int[outputLength * taps];
        var weight = new float[outputLength * taps];
        for (var j = 0; j < outputLength; j++)
        {
            var centre = start + (j + 0.5) * scale - 0.5;
            var first = (int)Math.Floor(centre - support) + 1;
            double total = 0;
            var w = new double[taps];
            for (var t = 0; t < taps; t++)
            {
                var distance = Math.Abs(first + t - centre) / support;
                w[t] = distance < 1 ? 1 - distance : 0;
                total += w[t];
            }
            for (var t = 0; t < taps; t++)
            {
                index[j * taps + t] = Math.Clamp(first + t, 0, inputLength - 1);
                weight[j * taps + t] = (float)(w[t] / total);
            }
        }
        return new AxisResampler(inputLength, outputLength, taps, index, weight);
    }

    /// <summary>Resamples <paramref name="data"/> of <paramref name="shape"/> along <paramref name="axis"/>.</summary>
    public float[] Apply(float[] data, int[] shape, int axis, out int[] outputShape)
    {
        if (shape[axis] != InputLength) throw new ArgumentException($"axis {axis} has {shape[axis]} samples, resampler expects {InputLength}");
        outputShape = (int[])shape.Clone();
        outputShape[axis] = OutputLength;
        var stride = axis == 0 ? 1 : axis == 1 ? shape[0] : shape[0] * shape[1];
        var outer = axis == 0 ? shape[1] * shape[2] : axis == 1 ? shape[2] : 1;
        var output = new float[(long)stride * OutputLength * outer];
        if (stride == 1)
        {
            for (var o = 0; o < outer; o++)
            {
                int inRow = o * InputLength, outRow = o * OutputLength;
                for (var j = 0; j < OutputLength; j++)
                {
                    float sum = 0;
                    for (var t = 0; t < _taps; t++) sum += _weight[j * _taps + t] * data[inRow + _index[j * _taps + t]];
                    output[outRow + j] = sum;
                }
            }
            return output;
        }
        for (var o = 0; o < outer; o++)
            for (var j = 0; j < OutputLength; j++)
            {
                var target = output.AsSpan(stride * (j + OutputLength * o), stride);
                for (var t = 0; t < _taps; t++)
                {
                    var w = _weight[j * _taps + t];
                    if (w != 0) MultiplyAdd(target, data.AsSpan(stride * (_index[j * _taps + t] + InputLength * o), stride), w);
                }
            }
        return output;
    }

    /// <summary>target += weight · source, with SIMD over whole vectors then a scalar tail.</summary>
    private static void MultiplyAdd(Span<float> target, ReadOnlySpan<float> source, float weight)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<float>.Count)
        {
            var w = new Vector<float>(weight);
            var targets = MemoryMarshal.Cast<float, Vector<float>>(target);
            var sources = MemoryMarshal.Cast<float, Vector<float>>(source);
            for (var v = 0; v < targets.Length; v++) targets[v] += w * sources[v];
            i = targets.Length * Vector<float>.Count;
        }
        for (; i < target.Length; i++) target[i] += weight * source[i];
    }
}
