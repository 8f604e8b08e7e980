using System.Buffers.Binary;

namespace MriTransfer.Imaging.Nifti;

/// <summary>
/// An Analyze 7.5 header (348 bytes, no NIfTI magic, either byte order) as nibabel reads it: nib.load gives such a
/// .hdr/.img pair to Spm2AnalyzeImage, so the SPM2 extensions count: the voxel origin in the originator field, the
/// scale factor in funused1 (scl_slope) and the intercept in funused2. The voxel fields are kept in a
/// <see cref="NiftiHeader"/> (no transform codes) so the NIfTI voxel reader serves both.
/// </summary>
internal sealed record AnalyzeHeader(NiftiHeader Voxels, short[] Origin)
{
    private const int Originator = 253, Glmax = 140, Glmin = 144, CalMax = 124, CalMin = 128;

    /// <summary>
    /// True for 348 bytes whose sizeof_hdr is 348 in either byte order and whose magic (bytes 344-347) is not a
    /// NIfTI-1 one: nibabel's test for an Analyze header.
    /// </summary>
    public static bool Detect(ReadOnlySpan<byte> header) =>
        header.Length >= NiftiLayout.Nifti1HeaderSize
        && NiftiHeaderParser.Detect(header[..4]) is (1, _)
        && !header.Slice(NiftiLayout.V1.Magic, 4).SequenceEqual("ni1\0"u8) && !header.Slice(NiftiLayout.V1.Magic, 4).SequenceEqual("n+1\0"u8);

    public static AnalyzeHeader Parse(string path, ReadOnlySpan<byte> bytes)
    {
        var bigEndian = NiftiHeaderParser.Detect(bytes[..4]) is (_, true);
        var b = bytes.ToArray();
        short I16(int at) => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(at));
        int I32(int at) => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(at));
        float F32(int at) => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(at));

        var (slope, inter) = Scaling(F32(NiftiLayout.V1.SclSlope), F32(NiftiLayout.V1.SclInter), I32(Glmax), I32(Glmin), F32(CalMax), F32(CalMin));
        var header = new NiftiHeader
        {
            Version = 1, BigEndian = bigEndian, Magic = "",
            Dim = Enumerable.Range(0, 8).Select(i => (long)I16(NiftiLayout.V1.Dim + 2 * i)).ToArray(),
            DataTypeCode = I16(NiftiLayout.V1.DataType),
            BitPix = I16(NiftiLayout.V1.BitPix),
            PixDim = Enumerable.Range(0, 8).Select(i => (double)F32(NiftiLayout.V1.PixDim + 4 * i)).ToArray(),
            VoxOffset = (long)F32(NiftiLayout.V1.VoxOffset),
            SclSlope = slope,
            SclInter = inter,
        };
        var problems = new List<string>();
        if (header.Dim[0] is < 1 or > 7) problems.Add($"Analyze header: dim[0] (number of dimensions) is {header.Dim[0]}, expected 1 to 7");
        else
            for (var i = 1; i <= header.Dim[0]; i++)
                if (header.Dim[i] <= 0) problems.Add($"Analyze header: dim[{i}] is {header.Dim[i]}, expected a positive size");
        if (!NiftiDataTypes.IsSupported(header.DataTypeCode))
            problems.Add($"Analyze header: datatype {header.DataTypeCode} ({NiftiDataTypes.Describe(header.DataTypeCode)}) is not supported; supported: {NiftiDataTypes.SupportedList}");
        if (header.VoxOffset < 0) problems.Add($"Analyze header: vox_offset is {header.VoxOffset}, expected ≥ 0");
        if (problems.Count > 0) throw new ImageReadException(path, string.Join("; ", problems));
        return new AnalyzeHeader(header, Enumerable.Range(0, 3).Select(i => I16(Originator + 2 * i)).ToArray());
    }

    /// <summary>Whether the SPM origin is used: set, and inside (−dims, 2·dims) on every axis, as nibabel checks.</summary>
    public bool UsesOrigin
    {
        get
        {
            var dims = Dims;
            return Origin.Any(o => o != 0) && Enumerable.Range(0, 3).All(i => Origin[i] > -dims[i] && Origin[i] < 2 * dims[i]);
        }
    }

    /// <summary>
    /// nibabel's affine for the pair (Spm99AnalyzeHeader.get_origin_affine): diag(−pixdim1, pixdim2, pixdim3) — the
    /// Analyze convention stores x from patient right to left, so voxel x runs towards L — translated so the SPM origin
    /// (1-based voxel) is at world 0, or the image centre when no usable origin is set. Zero or non-finite pixdims count as 1 mm.
    /// </summary>
    public double[,] Affine()
    {
        var dims = Dims;
        double[] zooms = [-Zoom(1), Zoom(2), Zoom(3)];
        var affine = Volume.DiagonalAffine(zooms[0], zooms[1], zooms[2]);
        for (var i = 0; i < 3; i++)
        {
            var origin = UsesOrigin ? Origin[i] - 1.0 : (dims[i] - 1) / 2.0;
            affine[i, 3] = -origin * zooms[i];
        }
        return affine;
    }

    /// <summary>dim[1..3], a missing dimension counting as 1.</summary>
    private long[] Dims => Enumerable.Range(1, 3).Select(i => i <= Voxels.Rank && Voxels.Dim[i] > 0 ? Voxels.Dim[i] : 1L).ToArray();

    private double Zoom(int i) => Voxels.PixDim[i] is var z && z != 0 && double.IsFinite(z) ? z : 1;

    /// <summary>SPM2's spm_vol_ana rule, as nibabel's Spm2AnalyzeHeader.get_slope_inter: a finite non-zero scl_slope (with its
    /// intercept, NaN read as 0), else from the gl/cal ranges when both are non-zero, else none (slope 0 here).</summary>
    private static (double Slope, double Inter) Scaling(float slope, float inter, int glmax, int glmin, float calMax, float calMin)
    {
        if (float.IsFinite(slope) && slope != 0) return (slope, float.IsFinite(inter) ? inter : 0);
        double unscaled = (double)glmax - glmin, scaled = (double)calMax - calMin;
        if (unscaled != 0 && scaled != 0)
        {
            var s = scaled / unscaled;
            return (s, calMin - s * glmin);
        }
        return (0, 0);
    }
}
