using MriTransfer.Imaging;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

public class ResamplingTests
{
    private static Volume Ramp(int nx, int ny, int nz, double spacing)
    {
        var volume = Volume.Create(nx, ny, nz, spacing, spacing, spacing);
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
                for (var x = 0; x < nx; x++) volume[x, y, z] = (float)(2 * x - 3 * y + 0.5 * z + 10);
        return volume;
    }

    [Theory]
    [InlineData(1.0, 3.0, 7)]   // downsample 21 → 7
    [InlineData(1.0, 1.5, 14)]  // non-integer ratio
    [InlineData(2.0, 0.8, 53)]  // upsample 21 → 52.5 → 53
    public void Given_a_linear_ramp_when_resampled_then_every_voxel_has_the_analytic_value(double from, double to, int expectedLength)
    {
        // Given f(x, y, z) = 2x − 3y + 0.5z + 10 in voxel units
        var ramp = Ramp(21, 21, 21, from);

        // When resampled to another spacing
        var resampled = Resampling.ToSpacing(ramp, [to, to, to]);

        // Then the shape follows the spacing and voxel j (inside the input) holds f at input coordinate j·to/from
        Assert.Equal(new[] { expectedLength, expectedLength, expectedLength }, resampled.Shape);
        Assert.Equal(to, resampled.Spacing[0], 9);
        var r = to / from;
        for (var z = 0; z < resampled.Nz; z++)
            for (var y = 0; y < resampled.Ny; y++)
                for (var x = 0; x < resampled.Nx; x++)
                {
                    if (Math.Max(x, Math.Max(y, z)) * r > 20) continue; // beyond the last input voxel the border repeats
                    Assert.Equal(2 * x * r - 3 * y * r + 0.5 * z * r + 10, resampled[x, y, z], 3);
                }
    }

    [Fact]
    public void Given_a_label_mask_when_resampled_with_nearest_then_only_the_original_labels_appear()
    {
        var mask = Volume.Create(9, 9, 9);
        for (var i = 0; i < mask.Data.Length; i++) mask.Data[i] = i % 3;

        var resampled = Resampling.ToSpacing(mask, [0.7, 1.3, 2.0], Interpolation.Nearest);

        Assert.All(resampled.Data, v => Assert.Contains(v, new[] { 0f, 1f, 2f }));
        Assert.Equal(new[] { 13, 7, 5 }, resampled.Shape);
    }

    [Fact]
    public void Given_resampling_when_done_then_voxel_zero_keeps_its_world_position_and_the_affine_scales()
    {
        var volume = Ramp(10, 10, 10, 1);
        volume.Affine[0, 3] = 5;

        var resampled = Resampling.ToSpacing(volume, [2, 2, 2]);

        Assert.Equal(5, resampled.Affine[0, 3]);
        Assert.Equal(2, resampled.Affine[0, 0]);
    }

    [Fact]
    public void Given_a_constant_image_when_resized_down_and_up_then_it_stays_constant()
    {
        var image = Volume.Create(37, 23, 1);
        Array.Fill(image.Data, 4.5f);

        var small = Resampling.ResizeSlices(image, 8, 8);
        var large = Resampling.ResizeSlices(image, 64, 50);

        Assert.All(small.Data, v => Assert.Equal(4.5f, v, 4));
        Assert.All(large.Data, v => Assert.Equal(4.5f, v, 4));
        Assert.Equal(new[] { 64, 50, 1 }, large.Shape);
    }

    public static TheoryData<string, double[,]> StoredOrientations => new()
    {
        { "LPS", new double[,] { { -1.1, 0, 0, 10 }, { 0, -0.9, 0, 20 }, { 0, 0, 1.3, -5 }, { 0, 0, 0, 1 } } },
        { "oblique ALS", new double[,] { { -0.5, -0.866, 0, 3 }, { 0.866, -0.5, 0, -4 }, { 0, 0, 1.2, 1 }, { 0, 0, 0, 1 } } },
        { "PIR", new double[,] { { 0, 0, 1, 0 }, { -1, 0, 0, 0 }, { 0, -1.4, 0, 0 }, { 0, 0, 0, 1 } } },
    };

    [Theory]
    [MemberData(nameof(StoredOrientations))]
    public void Given_any_stored_orientation_when_resampled_in_place_then_it_equals_reorienting_first(string name, double[,] affine)
    {
        // Given a random volume stored in a non-RAS order with uneven spacing
        var random = new Random(name.Length);
        var spacing = Enumerable.Range(0, 3).Select(c => Math.Sqrt(affine[0, c] * affine[0, c] + affine[1, c] * affine[1, c] + affine[2, c] * affine[2, c])).ToArray();
        var volume = new Volume(Enumerable.Range(0, 13 * 11 * 9).Select(_ => (float)random.NextDouble()).ToArray(), [13, 11, 9], spacing, affine);
        double[] target = [2.1, 1.7, 2.5];

        // When resampled directly, or reoriented then resampled
        var direct = Resampling.ToCanonicalSpacing(volume, target);
        var reference = Resampling.ToSpacing(Reorientation.ToClosestCanonical(volume), target);

        // Then the grids, affines and values agree
        Assert.Equal(reference.Shape, direct.Shape);
        for (var r = 0; r < 4; r++)
            for (var c = 0; c < 4; c++) Assert.Equal(reference.Affine[r, c], direct.Affine[r, c], 9);
        for (var i = 0; i < direct.Data.Length; i++) Assert.Equal(reference.Data[i], direct.Data[i], 5);
    }
}
