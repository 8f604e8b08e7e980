using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;

namespace MriTransfer.Preprocessing;

/// <summary>
/// The preprocessing chain for one subject, in MONAI/TorchIO order: reorient to RAS+, resample to the target
/// spacing (trilinear), crop to the foreground box then pad/crop to the target shape (centred), clip percentiles
/// and normalise. In 2-D mode the result is K axial slices (H, W, K), or one resized image for 2-D inputs.
/// </summary>
public static class VolumePreprocessor
{
    public static Volume Process(Volume input, PreprocessSettings settings)
    {
        Reorientation.Validate(input.Affine);
        return settings.Mode == CohortMode.ThreeD ? Process3D(input, settings) : Process2D(input, settings);
    }

    private static Volume Process3D(Volume input, PreprocessSettings settings)
    {
        if (input.Nz == 1)
            throw new PreprocessingException(
                $"is a 2-D image ({input.Nx}×{input.Ny}, nz = 1) but preprocessing is in 3-D mode; for slice datasets set `preprocess.mode: 2d` (and `preprocess.slice_shape`) in params.yaml");
        var volume = RequireFinite(Resampling.ToCanonicalSpacing(input, settings.TargetSpacing));
        var threshold = Foreground.Threshold(volume.Data, settings.Foreground, settings.ForegroundFraction);
        var box = RequireBox(volume, threshold, settings.CropMargin);
        var fitted = CropPad.CropToBoxThenFit(volume, box, settings.TargetShape, volume.Data.Min());
        Normalize(fitted.Data, threshold, settings);
        return fitted;
    }

    private static Volume Process2D(Volume input, PreprocessSettings settings)
    {
        var isImage = input.Nz == 1;
        var volume = RequireFinite(isImage ? ReorientInPlane(input) : Resampling.ToCanonicalSpacing(input, settings.TargetSpacing));
        var threshold = Foreground.Threshold(volume.Data, settings.Foreground, settings.ForegroundFraction);
        var box = RequireBox(volume, threshold, settings.CropMargin);
        int width = settings.SliceShape[0], height = settings.SliceShape[1];

        // widen the in-plane box to the slice aspect ratio so anatomy is not stretched
        int lx = box.Length[0], ly = box.Length[1];
        if ((double)lx / ly < (double)width / height) lx = (int)Math.Round((double)ly * width / height);
        else ly = (int)Math.Round((double)lx * height / width);
        var k = isImage ? 1 : settings.Slices;
        var zStart = isImage ? 0 : box.Start[2] + CropPad.CentredStart(box.Length[2], k);
        if (!isImage && volume.Nz >= k) zStart = Math.Clamp(zStart, 0, volume.Nz - k);
        int[] start = [box.Start[0] + CropPad.CentredStart(box.Length[0], lx), box.Start[1] + CropPad.CentredStart(box.Length[1], ly), zStart];

        var window = CropPad.Window(volume, start, [lx, ly, k], volume.Data.Min());
        var slices = Resampling.ResizeSlices(window, width, height);
        Normalize(slices.Data, threshold, settings);
        return slices;
    }

    /// <summary>A 2-D image is reoriented only when that keeps it a single axial slice.</summary>
    private static Volume ReorientInPlane(Volume image)
    {
        var mapping = Reorientation.Orientation(image.Affine);
        return mapping[2].OutputAxis == 2 ? Reorientation.ToClosestCanonical(image) : image;
    }

    /// <summary>NaN/∞ in the input reach the resampled grid through the interpolation weights, so checking here is enough.</summary>
    private static Volume RequireFinite(Volume volume)
    {
        foreach (var v in volume.Data)
            if (!float.IsFinite(v))
                throw new PreprocessingException("voxel values include NaN or infinity; expected finite intensities");
        return volume;
    }

    private static VoxelBox RequireBox(Volume volume, double threshold, int margin) =>
        Foreground.BoundingBox(volume.Data, volume.Shape, threshold, margin)
        ?? throw new PreprocessingException($"has no voxel above the foreground threshold {threshold:G4} (is the image empty or constant?)");

    private static void Normalize(float[] data, double threshold, PreprocessSettings settings)
    {
        var mask = new bool[data.Length];
        for (var i = 0; i < data.Length; i++) mask[i] = data[i] > threshold;
        IntensityNormalization.Apply(data, mask, settings.Normalize, settings.ClipLowPercent, settings.ClipHighPercent);
    }
}
