namespace MriTransfer.Imaging;

/// <summary>Everything the Inspect tool prints about an image file.</summary>
public sealed record VolumeInspection(
    string File, string Format, string DataType, long[] FileShape, int[] Shape, double[] Spacing,
    double[][] Affine, string AffineSource, string Orientation, bool BigEndian, VolumeStatistics Statistics)
{
    public static VolumeInspection Of(string path, VolumeReadOptions? options = null)
    {
        var file = VolumeIO.ReadFile(path, options);
        var v = file.Volume;
        var affine = Enumerable.Range(0, 4).Select(r => Enumerable.Range(0, 4).Select(c => Math.Round(v.Affine[r, c], 6)).ToArray()).ToArray();
        return new VolumeInspection(path, file.Info.Format, file.Info.DataType, file.Info.FileShape, v.Shape,
            v.Spacing.Select(s => Math.Round(s, 6)).ToArray(), affine, file.Info.AffineSource,
            Imaging.Orientation.AxisCodes(v.Affine), file.Info.BigEndian, VolumeStatistics.Of(v));
    }
}
