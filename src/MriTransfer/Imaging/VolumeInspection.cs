namespace MriTransfer.Imaging;

/// <summary>
/// Everything the Inspect tool prints about an image file, as nib-ls or fslhd would. A 4-D (or higher) file is
/// described whole: <see cref="Shape"/> is [x, y, z, t], <see cref="Statistics"/> covers every volume and
/// <see cref="VolumeStatistics"/> each one; geometry is the first volume's (all share it); <see cref="Pipeline"/>
/// says which volume a pipeline run takes.
/// </summary>
/// <param name="Shape">[x, y, z] of a 3-D file or 2-D picture; [x, y, z, t] when the file holds t &gt; 1 volumes.</param>
/// <param name="VolumeStatistics">per volume, in file order; null for a single volume.</param>
/// <param name="Pipeline">null for a single volume.</param>
public sealed record VolumeInspection(
    string File, string Format, string DataType, long[] FileShape, long[] Shape, double[] Spacing,
    double[][] Affine, string AffineSource, string Orientation, bool BigEndian, VolumeStatistics Statistics,
    IReadOnlyList<VolumeStatistics>? VolumeStatistics = null, PipelineVolume? Pipeline = null)
{
    public static VolumeInspection Of(string path, VolumeReadOptions? options = null)
    {
        options ??= VolumeReadOptions.Default;
        var file = VolumeIO.ReadFile(path, options with { VolumeIndex = options.VolumeIndex ?? 0 });
        var v = file.Volume;
        var affine = Enumerable.Range(0, 4).Select(r => Enumerable.Range(0, 4).Select(c => Math.Round(v.Affine[r, c], 6)).ToArray()).ToArray();
        var volumes = file.Info.FileShape.Skip(3).Aggregate(1L, (product, d) => product * d);
        long[] shape = volumes > 1 ? [v.Nx, v.Ny, v.Nz, volumes] : [v.Nx, v.Ny, v.Nz];
        var inspection = new VolumeInspection(path, file.Info.Format, file.Info.DataType, file.Info.FileShape, shape,
            v.Spacing.Select(s => Math.Round(s, 6)).ToArray(), affine, file.Info.AffineSource,
            Imaging.Orientation.AxisCodes(v.Affine), file.Info.BigEndian, Imaging.VolumeStatistics.Of(v));
        if (volumes <= 1) return inspection;

        var perVolume = new VolumeStatistics[volumes];
        var all = new float[v.Data.LongLength * volumes];
        VolumeSeriesReader.ForEach(path, volumes, options, (t, data) =>
        {
            perVolume[t] = Imaging.VolumeStatistics.Of(data);
            data.CopyTo(all, t * data.LongLength);
        });
        return inspection with
        {
            Statistics = Imaging.VolumeStatistics.Of(all),
            VolumeStatistics = perVolume,
            Pipeline = PipelineVolume.For(volumes, options.VolumeIndex),
        };
    }
}

/// <summary>Which volume of a 4-D file a pipeline run reads, and the params key that chooses it.</summary>
/// <param name="Volume">the 0-based volume taken, or null when a run refuses the file (the key is unset).</param>
public sealed record PipelineVolume(string ParamsKey, int? Volume, string Note)
{
    public const string Key = "preprocess.volume_index";

    /// <param name="chosen">the volume Inspect was asked about (--volume), standing for the key's value.</param>
    public static PipelineVolume For(long volumes, int? chosen) => chosen is { } index
        ? new(Key, index, $"with {Key}: {index} a run takes volume {index} of {volumes} (0-based), as Inspect --volume {index} did")
        : new(Key, null, $"a run refuses this file: it holds {volumes} volumes; set {Key} to the one to take (0 to {volumes - 1}), or pass Inspect --volume N to see what that run reads");
}
