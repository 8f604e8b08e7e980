using MriTransfer.Imaging;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

public class CropPadTests
{
    [Theory]
    [InlineData(10, 6, 2)]   // crop: (10 − 6) / 2
    [InlineData(11, 6, 2)]   // crop, odd difference rounds down
    [InlineData(6, 10, -2)]  // pad: 2 before, 2 after
    [InlineData(5, 10, -2)]  // pad, odd difference: 2 before, 3 after
    [InlineData(8, 8, 0)]
    public void Given_a_length_and_a_target_when_centred_then_the_start_is_MONAIs(int length, int target, int expectedStart)
    {
        Assert.Equal(expectedStart, CropPad.CentredStart(length, target));
    }

    [Fact]
    public void Given_a_small_box_when_fitted_to_a_larger_shape_then_it_sits_in_the_centre_surrounded_by_padding()
    {
        // Given a 10³ volume whose bright 4×4×4 cube starts at voxel (3, 3, 3)
        var volume = Volume.Create(10, 10, 10);
        for (var z = 3; z < 7; z++)
            for (var y = 3; y < 7; y++)
                for (var x = 3; x < 7; x++) volume[x, y, z] = 1;
        var box = Foreground.BoundingBox(volume.Data, volume.Shape, 0.5, margin: 0)!;

        // When cropped to the box and padded to 8³
        var fitted = CropPad.CropToBoxThenFit(volume, box, [8, 8, 8], padValue: -1);

        // Then the cube occupies voxels 2..5 on every axis and everything else is padding
        Assert.Equal(new[] { 3, 3, 3 }, box.Start);
        Assert.Equal(new[] { 4, 4, 4 }, box.Length);
        for (var z = 0; z < 8; z++)
            for (var y = 0; y < 8; y++)
                for (var x = 0; x < 8; x++)
                {
                    var inside = x is >= 2 and <= 5 && y is >= 2 and <= 5 && z is >= 2 and <= 5;
                    Assert.Equal(inside ? 1f : -1f, fitted[x, y, z]);
                }
        // and the affine moved so the cube keeps its world position: fitted voxel 2 = original voxel 3
        Assert.Equal(3 - 2, fitted.Affine[0, 3], 9);
    }

    [Fact]
    public void Given_a_box_larger_than_the_target_when_fitted_then_its_centre_is_kept()
    {
        // Given a ramp along x over a 12-voxel box
        var volume = Volume.Create(12, 1, 1);
        for (var x = 0; x < 12; x++) volume[x, 0, 0] = x;

        var fitted = CropPad.CropToBoxThenFit(volume, new VoxelBox([0, 0, 0], [12, 1, 1]), [6, 1, 1], 0);

        Assert.Equal(new float[] { 3, 4, 5, 6, 7, 8 }, fitted.Data);
    }

    [Fact]
    public void Given_a_margin_when_the_box_is_found_then_it_grows_but_stays_inside_the_volume()
    {
        var volume = Volume.Create(10, 10, 10);
        volume[1, 5, 8] = 1;

        var box = Foreground.BoundingBox(volume.Data, volume.Shape, 0.5, margin: 3)!;

        Assert.Equal(new[] { 0, 2, 5 }, box.Start);
        Assert.Equal(new[] { 5, 7, 5 }, box.Length);
    }
}
