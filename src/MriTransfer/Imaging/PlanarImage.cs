namespace MriTransfer.Imaging;

/// <summary>
/// How a 2-D picture (PNG, JPEG, BMP, a MATLAB image matrix) becomes a one-slice volume, so that qc.png and any
/// NIfTI viewer show it the way an image viewer shows the file. Voxel x = column, y = row (row 0 = the picture's top
/// row), z = 0, 1 mm pixels, and the picture is taken as an axial slice seen as radiology shows one, top = anterior:
/// the affine sends columns towards the right (+x, picture left stays left in the QC montage's neurological view) and
/// rows towards posterior (−y, row 0 is the most anterior row). A picture carries no orientation of its own, so the
/// patient's left and right are not known (radiological exports show the patient's right on the picture's left; the
/// pipeline keeps the picture as it is and does not mirror it); coronal or sagittal slices are labelled as axial.
/// </summary>
internal static class PlanarImage
{
    /// <summary>What <see cref="ImageFileInfo.AffineSource"/> says for a 2-D picture.</summary>
    public const string AffineSource = "picture (column → R, row 0 = anterior)";

    /// <param name="voxels">row-major pixels, row 0 first: index = column + width · row.</param>
    public static Volume Volume(float[] voxels, int width, int height)
    {
        var affine = Imaging.Volume.DiagonalAffine(1, -1, 1);
        affine[1, 3] = height - 1; // the bottom row sits at y = 0, the top row at y = height - 1 (most anterior)
        return new Volume(voxels, [width, height, 1], [1, 1, 1], affine);
    }
}
