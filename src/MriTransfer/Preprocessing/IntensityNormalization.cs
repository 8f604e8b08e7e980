namespace MriTransfer.Preprocessing;

public enum NormalizationMethod
{
    /// <summary>(v − mean) / sd with mean and sd over the foreground, after percentile clipping.</summary>
    ZScore,
    /// <summary>(v − low) / (high − low) into [0, 1], after percentile clipping.</summary>
    MinMax,
}

/// <summary>Percentile clipping then z-score (inside the foreground mask) or min-max, in place.</summary>
public static class IntensityNormalization
{
    /// <summary>
    /// Clips every voxel to the [<paramref name="lowPercent"/>, <paramref name="highPercent"/>] percentiles of the
    /// foreground voxels (those with <paramref name="foreground"/> true), then normalises the whole volume with statistics of the foreground.
    /// </summary>
    public static void Apply(float[] data, bool[] foreground, NormalizationMethod method, double lowPercent, double highPercent)
    {
        var values = new float[foreground.Count(f => f)];
        if (values.Length == 0)
            throw new PreprocessingException("no foreground voxel to normalise with (the image is empty or constant after cropping)");
        for (int i = 0, n = 0; i < data.Length; i++)
            if (foreground[i]) values[n++] = data[i];
        var low = (float)Percentiles.Of(values, lowPercent);
        var high = (float)Percentiles.Of(values, highPercent);
        for (var i = 0; i < data.Length; i++) data[i] = Math.Clamp(data[i], low, high);

        if (method == NormalizationMethod.MinMax)
        {
            var range = high - low;
            if (range <= 0) throw new PreprocessingException("foreground intensities are constant: cannot min-max normalise");
            for (var i = 0; i < data.Length; i++) data[i] = (data[i] - low) / range;
            return;
        }

        double sum = 0, sumSquares = 0;
        long count = 0;
        for (var i = 0; i < data.Length; i++)
            if (foreground[i])
            {
                sum += data[i];
                count++;
            }
        var mean = sum / count;
        for (var i = 0; i < data.Length; i++)
            if (foreground[i]) sumSquares += (data[i] - mean) * (data[i] - mean);
        var sd = Math.Sqrt(sumSquares / count);
        if (sd < 1e-12) throw new PreprocessingException("foreground intensities are constant: cannot z-score normalise (sd = 0)");
        for (var i = 0; i < data.Length; i++) data[i] = (float)((data[i] - mean) / sd);
    }
}
