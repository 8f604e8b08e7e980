namespace MriTransfer.Imaging;

/// <summary>What a reader learned about a file besides its voxels (for inspection and QC).</summary>
/// <param name="Format">e.g. "NIfTI-1", "NIfTI-2", "MetaImage", "PNG", "DICOM (dcm2niix)".</param>
/// <param name="DataType">the stored voxel type, e.g. "int16", "float32", "rgb24".</param>
/// <param name="FileShape">every dimension stored in the file (4-D files list their volume count).</param>
/// <param name="AffineSource">"sform", "qform", "pixdim" (NIfTI), "analyze (SPM origin)" or "analyze (image centre)" (nibabel's
/// Analyze 7.5 convention), "header" (MetaImage) or "picture (column → R, row 0 = anterior)"
/// (2-D images, see PlanarImage).</param>
/// <param name="BigEndian">true when the file stores voxels big-endian.</param>
/// <param name="NonFiniteCount">NaN/Inf voxels kept because the caller allowed them.</param>
public sealed record ImageFileInfo(
    string Format, string DataType, long[] FileShape, string AffineSource, bool BigEndian, long NonFiniteCount);

/// <summary>A volume with what its reader learned about the file.</summary>
public sealed record VolumeFile(Volume Volume, ImageFileInfo Info);
