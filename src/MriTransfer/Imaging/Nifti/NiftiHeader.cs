namespace MriTransfer.Imaging.Nifti;

/// <summary>
/// The fields of a NIfTI-1 or NIfTI-2 header that define the voxels and their geometry,
/// widened to the NIfTI-2 types (long dims, double pixdim) so both versions share one model.
/// </summary>
public sealed class NiftiHeader
{
    /// <summary>1 or 2.</summary>
    public int Version { get; init; }
    public bool BigEndian { get; init; }
    /// <summary>"n+1", "ni1", "n+2" or "ni2": "n+" stores the voxels in the same file, "ni" in a separate .img.</summary>
    public string Magic { get; init; } = "";
    public bool SingleFile => Magic.StartsWith("n+", StringComparison.Ordinal);
    /// <summary>dim[0] = number of dimensions, dim[1..7] their sizes.</summary>
    public long[] Dim { get; init; } = new long[8];
    public int DataTypeCode { get; init; }
    public int BitPix { get; init; }
    /// <summary>pixdim[0] = qfac, pixdim[1..7] voxel sizes.</summary>
    public double[] PixDim { get; init; } = new double[8];
    public long VoxOffset { get; init; }
    public double SclSlope { get; init; }
    public double SclInter { get; init; }
    public int QformCode { get; init; }
    public int SformCode { get; init; }
    public double QuaternB { get; init; }
    public double QuaternC { get; init; }
    public double QuaternD { get; init; }
    public double[] QOffset { get; init; } = new double[3];
    /// <summary>srow_x, srow_y, srow_z: the first three rows of the sform affine.</summary>
    public double[,] SRow { get; init; } = new double[3, 4];

    public int HeaderSize => Version == 1 ? NiftiLayout.Nifti1HeaderSize : NiftiLayout.Nifti2HeaderSize;

    public NiftiDataType DataType => (NiftiDataType)DataTypeCode;

    /// <summary>Number of dimensions used (dim[0] clamped to 1..7).</summary>
    public int Rank => (int)Math.Clamp(Dim[0], 1, 7);

    /// <summary>Sizes of the first three spatial dimensions (1 for dimensions the file does not have).</summary>
    public int[] SpatialShape => [(int)Dim[1], Rank >= 2 ? (int)Dim[2] : 1, Rank >= 3 ? (int)Dim[3] : 1];

    /// <summary>How many 3-D volumes the file stores (product of dims 4..rank).</summary>
    public long VolumeCount
    {
        get
        {
            long count = 1;
            for (var i = 4; i <= Rank; i++) count *= Dim[i];
            return count;
        }
    }

    public long[] FileShape => Dim.Skip(1).Take(Rank).ToArray();

    /// <summary>True when scl_slope asks for scaling (0, NaN or ±Inf means "no scaling", as nibabel reads it).</summary>
    public bool HasScaling => SclSlope != 0 && double.IsFinite(SclSlope);
}
