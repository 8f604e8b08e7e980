namespace MriTransfer.Imaging.Nifti;

/// <summary>
/// Reads Analyze 7.5 .hdr/.img pairs (no NIfTI magic; either byte order; either part may be gzipped), e.g. OASIS-1,
/// with nibabel's geometry (see <see cref="AnalyzeHeader.Affine"/>) and SPM2 scaling. SPM's sidecar .mat affine is not read.
/// </summary>
public static class AnalyzeReader
{
    public const string Format = "Analyze 7.5";

    /// <summary>True when the path names a .hdr/.img pair whose header is Analyze 7.5 (348 bytes, no NIfTI magic).</summary>
    public static bool IsAnalyze(string path)
    {
        if (!ImageFiles.HasExtension(path, ".hdr", ".hdr.gz", ".img", ".img.gz")) return false;
        var (headerPath, _) = NiftiReader.PairOf(path);
        if (!File.Exists(headerPath)) return false;
        var bytes = new byte[NiftiLayout.Nifti1HeaderSize];
        try
        {
            using var stream = ImageFiles.OpenMaybeGzip(headerPath, out _);
            return stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) == bytes.Length && AnalyzeHeader.Detect(bytes);
        }
        catch (Exception e) when (e is IOException or InvalidDataException) { return false; } // the NIfTI reader reports it
    }

    /// <summary>Reads and checks the header only (for cohort validation and inspection).</summary>
    internal static AnalyzeHeader ReadHeader(string path) => Header(NiftiReader.PairOf(path).Header);

    public static VolumeFile Read(string path, VolumeReadOptions? options = null)
    {
        options ??= VolumeReadOptions.Default;
        var (headerPath, imagePath) = NiftiReader.PairOf(path);
        var analyze = Header(headerPath);
        var header = analyze.Voxels;
        var shape = header.SpatialShape;
        long voxels = (long)shape[0] * shape[1] * shape[2];
        if (voxels > Array.MaxLength)
            throw new ImageReadException(headerPath, $"dims [{string.Join(", ", shape)}] hold {voxels} voxels per volume, more than one array can hold ({Array.MaxLength})");
        var volumeIndex = NiftiReader.ChooseVolume(headerPath, header, options);
        var data = new float[voxels];
        var image = imagePath!;
        using (var stream = NiftiReader.OpenExisting(image, out var compressed))
            NiftiReader.ReadVoxels(image, stream, header.VoxOffset, volumeIndex, voxels * NiftiDataTypes.BytesPerVoxel(header.DataType), header, data, compressed);
        var (nonFinite, first) = VoxelDecoder.FindNonFinite(data, shape);
        if (nonFinite > 0 && !options.AllowNonFinite) throw new NonFiniteVoxelsException(image, nonFinite, first);

        var affine = analyze.Affine();
        var source = analyze.UsesOrigin ? "analyze (SPM origin)" : "analyze (image centre)";
        var info = new ImageFileInfo(Format, NiftiDataTypes.Name(header.DataType), header.FileShape, source, header.BigEndian, nonFinite);
        return new VolumeFile(new Volume(data, shape, Affine.Spacing(affine), affine), info);
    }

    private static AnalyzeHeader Header(string headerPath)
    {
        using var stream = NiftiReader.OpenExisting(headerPath, out var compressed);
        var bytes = new byte[NiftiLayout.Nifti1HeaderSize];
        int got;
        try { got = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false); }
        catch (InvalidDataException e) { throw new ImageReadException(headerPath, $"compressed data is corrupt or truncated ({e.Message})", e); }
        if (got < bytes.Length)
            throw new ImageReadException(headerPath, $"header is truncated: {got} of 348 bytes of an Analyze 7.5 header{(compressed ? " (is the .gz file truncated?)" : "")}");
        if (!AnalyzeHeader.Detect(bytes))
            throw new ImageReadException(headerPath, "is not an Analyze 7.5 header: sizeof_hdr is not 348 in either byte order, or the magic says NIfTI");
        return AnalyzeHeader.Parse(headerPath, bytes);
    }
}
