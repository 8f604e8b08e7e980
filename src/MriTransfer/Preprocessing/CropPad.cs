using MriTransfer.Imaging;

namespace MriTransfer.Preprocessing;

/// <summary>Cropping and padding on the voxel grid, keeping the affine consistent (voxels keep their world positions).</summary>
public static class CropPad
{
    /// <summary>
    /// The window of <paramref name="size"/> voxels whose first voxel is voxel <paramref name="start"/> of the input
    /// (start may be negative and the window may reach past the end: those voxels get <paramref name="padValue"/>).
    /// </summary>
    public static Volume Window(Volume volume, int[] start, int[] size, float padValue)
    {
        var data = new float[(long)size[0] * size[1] * size[2]];
        if (padValue != 0) Array.Fill(data, padValue);
        int x0 = Math.Max(0, -start[0]), x1 = Math.Min(size[0], volume.Nx - start[0]);
        for (var z = 0; z < size[2]; z++)
        {
            var sz = start[2] + z;
            if (sz < 0 || sz >= volume.Nz) continue;
            for (var y = 0; y < size[1]; y++)
            {
                var sy = start[1] + y;
                if (sy < 0 || sy >= volume.Ny || x1 <= x0) continue;
                var source = start[0] + x0 + volume.Nx * (sy + (long)volume.Ny * sz);
                var target = x0 + size[0] * (y + (long)size[1] * z);
                Array.Copy(volume.Data, source, data, target, x1 - x0);
            }
        }
        var affine = Affine.Translate(volume.Affine, [start[0], start[1], start[2]]);
        return new Volume(data, (int[])size.Clone(), Affine.Spacing(affine), affine);
    }

    /// <summary>
    /// Start of a centred window of <paramref name="target"/> voxels over <paramref name="length"/> voxels:
    /// (length − target) / 2 rounded down when cropping, −(target − length) / 2 rounded down when padding (MONAI's convention).
    /// </summary>
    public static int CentredStart(int length, int target) => length >= target ? (length - target) / 2 : -((target - length) / 2);

    /// <summary>Pads (with <paramref name="padValue"/>) or crops every axis to <paramref name="targetShape"/>, centred.</summary>
    public static Volume CentredPadOrCrop(Volume volume, int[] targetShape, float padValue)
    {
        int[] start = [CentredStart(volume.Nx, targetShape[0]), CentredStart(volume.Ny, targetShape[1]), CentredStart(volume.Nz, targetShape[2])];
        return Window(volume, start, targetShape, padValue);
    }

    /// <summary>Crops to <paramref name="box"/>, then pads or crops to <paramref name="targetShape"/> centred on it.</summary>
    public static Volume CropToBoxThenFit(Volume volume, VoxelBox box, int[] targetShape, float padValue) =>
        CentredPadOrCrop(Window(volume, box.Start, box.Length, padValue), targetShape, padValue);
}
