using MriTransfer.Imaging.Matlab;
using MriTransfer.Imaging.Nifti;

namespace MriTransfer.Imaging;

/// <summary>
/// Entry point for reading and writing volumes by file name. Reads NIfTI-1/2 (.nii, .nii.gz, .hdr/.img), Analyze 7.5 (.hdr/.img),
/// MetaImage (.mha, .mhd), 2-D images (.png, .jpg, .jpeg, .bmp and Figshare MATLAB v7.3 .mat → one-slice volumes) and DICOM series
/// (a folder, converted with dcm2niix). Unknown names are recognised by their content.
/// Failures are <see cref="ImageReadException"/>s whose message starts with the file's path.
/// </summary>
public static class VolumeIO
{
    /// <summary>Reads one 3-D volume (4-D files and NaN/Inf voxels are errors; see the overload).</summary>
    public static Volume Read(string path) => ReadFile(path, VolumeReadOptions.Default).Volume;

    public static Volume Read(string path, VolumeReadOptions options) => ReadFile(path, options).Volume;

    /// <summary>Reads a volume and what the reader learned about the file (format, datatype, affine source...).</summary>
    public static VolumeFile ReadFile(string path, VolumeReadOptions? options = null)
    {
        options ??= VolumeReadOptions.Default;
        if (Directory.Exists(path)) return DicomSeriesReader.Read(path, options);
        if (!File.Exists(path)) throw new ImageReadException(path, "file not found");
        return FormatOf(path) switch
        {
            ImageFormat.Nifti => NiftiReader.Read(path, options),
            ImageFormat.Analyze => AnalyzeReader.Read(path, options),
            ImageFormat.MetaImage => MetaImageReader.Read(path, options),
            ImageFormat.Raster => RasterImageReader.Read(path, options),
            ImageFormat.Matlab => FigshareMatReader.Read(path, options),
            ImageFormat.Dicom => DicomSeriesReader.Read(Path.GetDirectoryName(Path.GetFullPath(path))!, options),
            _ => throw new ImageReadException(path,
                "not a recognised image: expected NIfTI (.nii, .nii.gz, .hdr/.img), Analyze 7.5 (.hdr/.img), MetaImage (.mha, .mhd), " +
                "PNG/JPEG/BMP, a Figshare MATLAB v7.3 .mat, or a DICOM series folder; its content matches none of them"),
        };
    }

    /// <summary>Writes float32 NIfTI-1 (.nii, .nii.gz, or .hdr/.img by extension) with sform and qform set from the affine.</summary>
    public static void WriteNifti(Volume volume, string path) => NiftiWriter.Write(volume, path);

    public static void WriteNifti(Volume volume, string path, NiftiWriteOptions options) => NiftiWriter.Write(volume, path, options);

    /// <summary>Reads and checks only the header of a NIfTI or Analyze file (cheap validation of a cohort); other formats are not checked.</summary>
    public static void CheckHeader(string path)
    {
        if (AnalyzeReader.IsAnalyze(path)) AnalyzeReader.ReadHeader(path);
        else if (NiftiReader.Handles(path)) NiftiReader.ReadHeader(path);
    }

    internal static ImageFormat FormatOf(string path)
    {
        if (AnalyzeReader.IsAnalyze(path)) return ImageFormat.Analyze;
        if (NiftiReader.Handles(path)) return ImageFormat.Nifti;
        if (ImageFiles.HasExtension(path, ".mha", ".mhd")) return ImageFormat.MetaImage;
        if (ImageFiles.HasExtension(path, ".png", ".jpg", ".jpeg", ".bmp")) return ImageFormat.Raster;
        if (ImageFiles.HasExtension(path, ".dcm")) return ImageFormat.Dicom;
        if (FigshareMatReader.Handles(path)) return ImageFormat.Matlab;
        return ImageFormatSniffer.Sniff(path);
    }
}

internal enum ImageFormat { Unknown, Nifti, Analyze, MetaImage, Raster, Dicom, Matlab }
