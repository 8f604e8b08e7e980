using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

public class VolumePreprocessorTests
{
    private static readonly PreprocessSettings Small = TestSettings.Preprocess with { TargetShape = [16, 16, 16], TargetSpacing = [2, 2, 2], SliceShape = [12, 10], Slices = 4 };

    [Fact]
    public void Given_a_head_in_LPS_when_preprocessed_in_3d_then_the_output_is_RAS_of_the_target_shape_and_normalised()
    {
        // Given a 1 mm head stored LPS (x and y flipped)
        var head = TestVolumes.Head(30, 34, 28);
        var lps = new Volume(head.Data, head.Shape, head.Spacing, new double[,] { { -1, 0, 0, 0 }, { 0, -1, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 } });

        // When preprocessed to 16³ at 2 mm
        var output = VolumePreprocessor.Process(lps, Small);

        // Then it is RAS, 16³ at 2 mm, and its foreground is z-scored
        Assert.Equal("RAS", Reorientation.Code(output.Affine));
        Assert.Equal(new[] { 16, 16, 16 }, output.Shape);
        Assert.Equal(2, output.Spacing[0], 6);
        var foreground = output.Data.Where(v => v > output.Data.Min()).ToList();
        Assert.InRange(foreground.Average(), -0.3, 0.3);
    }

    [Fact]
    public void Given_a_head_stored_posterior_first_when_preprocessed_then_its_anterior_end_is_at_high_y()
    {
        // Given voxel values 100 + 2·j along stored axis j, whose affine says j runs from anterior to posterior
        var head = TestVolumes.Head(30, 34, 28);
        var stored = new Volume(head.Data, head.Shape, head.Spacing,
            new double[,] { { 1, 0, 0, 0 }, { 0, -1, 0, 33 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 } });

        // When preprocessed
        var output = VolumePreprocessor.Process(stored, Small);

        // Then the stored high-j (posterior, bright) end is at low output y: the gradient now falls towards anterior
        Assert.True(output[8, 4, 8] > output[8, 11, 8]);
        Assert.Equal("RAS", Reorientation.Code(output.Affine));
    }

    [Fact]
    public void Given_a_3d_volume_in_2d_mode_when_preprocessed_then_K_axial_slices_of_the_slice_shape_come_out()
    {
        var output = VolumePreprocessor.Process(TestVolumes.Head(30, 34, 28), Small with { Mode = CohortMode.TwoD });

        Assert.Equal(new[] { 12, 10, 4 }, output.Shape);
    }

    [Fact]
    public void Given_a_2d_image_in_2d_mode_when_preprocessed_then_one_resized_slice_comes_out()
    {
        var head = TestVolumes.Head(40, 30, 3);
        var slice = new Volume(head.Data.Skip(40 * 30).Take(40 * 30).ToArray(), [40, 30, 1], [1, 1, 1], Volume.DiagonalAffine(1, 1, 1));

        var output = VolumePreprocessor.Process(slice, Small with { Mode = CohortMode.TwoD });

        Assert.Equal(new[] { 12, 10, 1 }, output.Shape);
    }

    [Fact]
    public void Given_a_2d_image_in_3d_mode_when_preprocessed_then_the_message_says_which_params_to_change()
    {
        var slice = Volume.Create(32, 32, 1);

        var error = Assert.Throws<PreprocessingException>(() => VolumePreprocessor.Process(slice, Small));

        Assert.Contains("nz = 1", error.Message);
        Assert.Contains("preprocess.mode: 2d", error.Message);
    }

    [Fact]
    public void Given_an_empty_volume_when_preprocessed_then_it_is_refused_as_having_no_foreground()
    {
        var error = Assert.Throws<PreprocessingException>(() => VolumePreprocessor.Process(Volume.Create(8, 8, 8), Small));

        Assert.Contains("no voxel above the foreground threshold", error.Message);
    }

    [Fact]
    public void Given_2d_mode_when_slices_are_taken_then_they_are_the_K_around_the_foregrounds_centre()
    {
        // Given a block occupying z = 10..19 of 40, bright (200) only in its four central slices z = 13..16
        var volume = Volume.Create(20, 20, 40);
        for (var z = 10; z < 20; z++)
            for (var y = 4; y < 16; y++)
                for (var x = 4; x < 16; x++) volume[x, y, z] = z is >= 13 and <= 16 ? 200 : 100;

        // When 4 slices are taken at 1 mm
        var slices = VolumePreprocessor.Process(volume, Small with { Mode = CohortMode.TwoD, TargetSpacing = [1, 1, 1], Slices = 4, CropMargin = 0 });

        // Then all four are the bright ones: the centre pixel is the same maximum in each
        var centres = Enumerable.Range(0, 4).Select(k => slices[6, 5, k]).ToList();
        Assert.All(centres, c => Assert.Equal(slices.Data.Max(), c, 4));
    }
}
