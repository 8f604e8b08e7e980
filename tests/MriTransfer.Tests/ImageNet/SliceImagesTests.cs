using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Models.ImageNet;
using static TorchSharp.torch;

namespace MriTransfer.Tests.ImageNet;

public class SliceImagesTests
{
    [Theory]
    [InlineData(16, 1, 2, new[] { 8 })]
    [InlineData(16, 3, 2, new[] { 6, 8, 10 })]
    [InlineData(16, 4, 1, new[] { 6, 7, 8, 9 })]
    [InlineData(5, 4, 3, new[] { 0, 1, 4, 4 })]
    public void Slices_are_centred_spaced_and_clamped_to_the_volume(int depth, int slices, int spacing, int[] expected)
    {
        // Given a sampling, When slice indices are chosen for a volume of this depth, Then they are as expected
        Assert.Equal(expected, new SliceSampling(32, slices, spacing).CentreSliceIndices(depth));
    }

    [Fact]
    public void The_default_sampling_keeps_the_whole_head_in_view_where_the_former_one_missed_the_sella()
    {
        // Given the default depth of 32 preprocessed slices, and pituitary lesions near z ≈ 9
        var coverage = new SliceSampling(64, 8, 4).Coverage(32);
        var former = new SliceSampling(112, 4, 2).Coverage(32);

        // Then the default's images show z 9 and all but every fourth slice from 1 to 31; the former 4 slices did not reach z 9
        Assert.Contains(9, coverage);
        Assert.Equal(24, coverage.Length);
        Assert.Equal((1, 31), (coverage.Min(), coverage.Max()));
        Assert.DoesNotContain(9, former);
    }

    [Theory]
    [InlineData(CohortMode.ThreeD, 16, 16, 16, 4, 4)]
    [InlineData(CohortMode.TwoD, 16, 16, 3, 4, 3)]
    [InlineData(CohortMode.ThreeD, 20, 12, 9, 2, 2)]
    public void A_subject_becomes_square_rgb_images_in_the_unit_range(CohortMode mode, int nx, int ny, int nz, int slices, int expectedImages)
    {
        // Given a volume with random intensities
        using var scope = NewDisposeScope();
        var volume = Volume.Create(nx, ny, nz);
        var random = new Random(3);
        for (var i = 0; i < volume.Data.Length; i++) volume.Data[i] = (float)(random.NextDouble() * 4 - 2);

        // When it is sampled for the ResNet
        var images = SliceImages.FromVolume(volume, mode, new SliceSampling(40, slices, 2));

        // Then it gives [images, 3, 40, 40] within [0, 1]
        Assert.Equal(new long[] { expectedImages, 3, 40, 40 }, images.shape);
        Assert.True(images.min().item<float>() >= 0f);
        Assert.True(images.max().item<float>() <= 1f);
    }

    [Fact]
    public void Two_d_slices_are_grey_in_all_three_channels()
    {
        // Given a 2-D stack, When it is sampled
        using var scope = NewDisposeScope();
        var volume = Volume.Create(8, 8, 2);
        for (var i = 0; i < volume.Data.Length; i++) volume.Data[i] = i % 7;
        var images = SliceImages.FromVolume(volume, CohortMode.TwoD, new SliceSampling(32, 1, 1));

        // Then R, G and B are equal
        Assert.True(images[.., 0].equal(images[.., 1]).all().item<bool>());
        Assert.True(images[.., 1].equal(images[.., 2]).all().item<bool>());
    }

    [Fact]
    public void The_robust_range_ignores_a_few_extreme_voxels()
    {
        // Given 1000 voxels in 0..999 with one huge outlier
        var data = Enumerable.Range(0, 1000).Select(i => (float)i).ToArray();
        data[500] = 1e6f;

        // When the robust range is taken, Then the outlier does not set the top
        var (low, high) = SliceImages.RobustRange(data);
        Assert.Equal(5f, low);
        Assert.True(high < 1000f);
    }
}
