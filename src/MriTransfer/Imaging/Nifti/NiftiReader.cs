using System.Globalization;

namespace MriTransfer.Imaging.Nifti;

/// <summary>Reads NIfTI-1 and NIfTI-2 images: .nii, .nii.gz and .hdr/.img pairs (either part may be gzipped).</summary>
public static class NiftiReader
{
    public static bool Handles(string path) => ImageFiles.HasExtension(path, ".nii", ".nii.gz", ".hdr", ".hdr.gz", ".img", ".img.gz");

    public static VolumeFile Read(string path, VolumeReadOptions? options = null)
    {
        options ??= VolumeReadOptions.Default;
        var (headerPath, imagePath) = PairOf(path);
        using var headerStream = OpenExisting(headerPath, out var headerCompressed);
        var header = ReadHeader(headerPath, headerStream, headerCompressed);
        if (imagePath is null && !header.SingleFile)
            throw new ImageReadException(path, $"magic is '{header.Magic}', which says the voxels are in a separate .img file, but this is a single-file name; rename it to .hdr with its .img beside it");
        var shape = header.SpatialShape;
        long voxels = (long)shape[0] * shape[1] * shape[2];
        if (voxels > Array.MaxLength)
            throw new ImageReadException(headerPath, $"dims [{string.Join(", ", shape)}] hold {voxels} voxels per volume, more than one array can hold ({Array.MaxLength})");
        var volumeIndex = ChooseVolume(headerPath, header, options);

        var bytesPerVolume = voxels * NiftiDataTypes.BytesPerVoxel(header.DataType);
        var data = new float[voxels];
        var compressed = headerCompressed;
        if (imagePath is null)
        {
            ReadVoxels(path, headerStream, header.VoxOffset - header.HeaderSize, volumeIndex, bytesPerVolume, header, data, compressed);
        }
        else
        {
            using var imageStream = OpenExisting(imagePath, out compressed);
            ReadVoxels(imagePath, imageStream, header.VoxOffset, volumeIndex, bytesPerVolume, header, data, compressed);
        }

        var (affine, source) = NiftiAffine.FromHeader(header);
        if (source == "pixdim") affine = Volume.DiagonalAffine(Positive(header.PixDim[1]), Positive(header.PixDim[2]), Positive(header.PixDim[3]));
        var (nonFinite, first) = VoxelDecoder.FindNonFinite(data, shape);
        if (nonFinite > 0 && !options.AllowNonFinite) throw new NonFiniteVoxelsException(imagePath ?? path, nonFinite, first);

        var volume = new Volume(data, shape, Affine.Spacing(affine), affine);
        var info = new ImageFileInfo($"NIfTI-{header.Version}", NiftiDataTypes.Name(header.DataType), header.FileShape, source, header.BigEndian, nonFinite);
        return new VolumeFile(volume, info);
    }

    /// <summary>Reads only the header (for inspection).</summary>
    public static NiftiHeader ReadHeader(string path)
    {
        var (headerPath, _) = PairOf(path);
        using var stream = OpenExisting(headerPath, out var compressed);
        return ReadHeader(headerPath, stream, compressed);
    }

    private static NiftiHeader ReadHeader(string path, Stream stream, bool compressed)
    {
        var hint = compressed ? " (the gzip stream ended early: is the .gz file truncated?)" : "";
        var bytes = new byte[NiftiLayout.Nifti2HeaderSize];
        var got = ReadUpTo(path, stream, bytes.AsSpan(0, 4));
        if (got < 4) throw new ImageReadException(path, $"file holds {got} bytes, too short for a NIfTI header (at least 348){hint}");
        var detected = NiftiHeaderParser.Detect(bytes.AsSpan(0, 4))
            ?? throw new ImageReadException(path,
                $"sizeof_hdr is {BitConverter.ToInt32(bytes, 0)} (read little-endian), expected 348 (NIfTI-1) or 540 (NIfTI-2) in either byte order: not a NIfTI file");
        var size = detected.Version == 1 ? NiftiLayout.Nifti1HeaderSize : NiftiLayout.Nifti2HeaderSize;
        got = 4 + ReadUpTo(path, stream, bytes.AsSpan(4, size - 4));
        if (got < size) throw new ImageReadException(path, $"header is truncated: {got} of {size} bytes of a NIfTI-{detected.Version} header{hint}");
        return NiftiHeaderParser.Parse(path, bytes.AsSpan(0, size), detected.Version, detected.BigEndian);
    }

    internal static int ChooseVolume(string path, NiftiHeader header, VolumeReadOptions options)
    {
        var count = header.VolumeCount;
        if (options.VolumeIndex is { } index)
        {
            if (index < 0 || index >= count)
                throw new ImageReadException(path, $"volume index {index} requested, but the file holds {count} volume(s) (dims [{string.Join(", ", header.FileShape)}]); expected 0 to {count - 1}");
            return index;
        }
        if (count > 1)
        {
            var extra = Enumerable.Range(4, header.Rank - 3).Where(d => header.Dim[d] > 1).Select(d => $"dim[{d}]={header.Dim[d]}");
            throw new ImageReadException(path,
                $"NIfTI header says {header.Rank} dimensions ({string.Join(", ", extra)}): the file holds {count} volumes (dims [{string.Join(", ", header.FileShape)}]) " +
                $"but a single 3-D volume is needed; choose one with {PipelineVolume.Key} in params.yaml (0 to {count - 1}; Inspect shows each volume's statistics)");
        }
        return 0;
    }

    internal static void ReadVoxels(string path, Stream stream, long skip, int volumeIndex, long bytesPerVolume,
        NiftiHeader header, float[] data, bool compressed)
    {
        var offset = skip + volumeIndex * bytesPerVolume;
        var skipped = ImageFiles.Skip(stream, offset);
        var (slope, inter) = header.HasScaling ? (header.SclSlope, header.SclInter) : (1.0, 0.0);
        try
        {
            if (skipped < offset) throw new EndOfStreamException("0");
            VoxelDecoder.Decode(stream, header.DataType, header.BigEndian, data, slope, inter);
        }
        catch (EndOfStreamException e)
        {
            var got = long.Parse(e.Message, CultureInfo.InvariantCulture);
            var hint = compressed ? " (the gzip stream ended early: is the .gz file truncated?)" : "";
            throw new ImageReadException(path,
                $"voxel data is too short: dims [{string.Join(", ", header.FileShape)}] of {NiftiDataTypes.Name(header.DataType)} need {bytesPerVolume} bytes " +
                $"for volume {volumeIndex} after vox_offset {header.VoxOffset}, but only {got} were there{hint}");
        }
        catch (InvalidDataException e)
        {
            throw new ImageReadException(path, $"compressed data is corrupt or truncated ({e.Message})", e);
        }
    }

    private static int ReadUpTo(string path, Stream stream, Span<byte> into)
    {
        try { return stream.ReadAtLeast(into, into.Length, throwOnEndOfStream: false); }
        catch (InvalidDataException e)
        {
            throw new ImageReadException(path, $"compressed data is corrupt or truncated ({e.Message})", e);
        }
    }

    internal static Stream OpenExisting(string path, out bool compressed)
    {
        if (!File.Exists(path)) throw new ImageReadException(path, "file not found");
        return ImageFiles.OpenMaybeGzip(path, out compressed);
    }

    /// <summary>(header file, image file or null when the voxels follow the header in the same file).</summary>
    internal static (string Header, string? Image) PairOf(string path)
    {
        if (ImageFiles.HasExtension(path, ".nii", ".nii.gz")) return (path, null);
        string stem = StripExtension(path, ".hdr.gz", ".hdr", ".img.gz", ".img");
        string First(params string[] candidates) => candidates.FirstOrDefault(File.Exists) ?? candidates[0];
        if (ImageFiles.HasExtension(path, ".hdr", ".hdr.gz")) return (path, First(stem + ".img", stem + ".img.gz"));
        if (ImageFiles.HasExtension(path, ".img", ".img.gz")) return (First(stem + ".hdr", stem + ".hdr.gz"), path);
        return (path, null);
    }

    private static string StripExtension(string path, params string[] extensions)
    {
        foreach (var e in extensions)
            if (path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) return path[..^e.Length];
        return path;
    }

    private static double Positive(double v) => v > 0 && double.IsFinite(v) ? v : 1;
}
