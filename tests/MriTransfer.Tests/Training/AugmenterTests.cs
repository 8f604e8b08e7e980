using MriTransfer.Training;
using MriTransfer.Training.Settings;
using static TorchSharp.torch;

namespace MriTransfer.Tests.Training;

[Collection(TorchCollection.Name)]
public class AugmenterTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public void Given_a_uniform_background_when_rotated_shifted_and_zoomed_then_no_voxel_from_outside_the_volume_changes_it(int dims)
    {
        // A z-scored volume's background is about −2, not 0: filling the corners a rotation uncovers with zeros would
        // paint bright wedges that exist in no real scan.
        var shape = new long[] { 4, 1 }.Concat(Enumerable.Repeat(12L, dims)).ToArray();
        using var background = full(shape, -2f);
        var affineOnly = new AugmentationSettings(Flip: false, RotateDegrees: 20, Scale: 0.2, Shift: 0.2, Intensity: 0);

        using var augmented = Augmenter.Apply(background, affineOnly, new Random(7));

        Assert.Equal(shape, augmented.shape);
        Assert.Equal(-2f, augmented.min().item<float>(), 5);
        Assert.Equal(-2f, augmented.max().item<float>(), 5);
    }

    [Fact]
    public void Given_an_intensity_jitter_when_applied_then_each_sample_gets_its_own_gain_and_offset_within_the_range()
    {
        using var unit = ones([6, 1, 4, 4, 4]);
        var intensityOnly = new AugmentationSettings(Flip: false, RotateDegrees: 0, Scale: 0, Shift: 0, Intensity: 0.1);

        using var augmented = Augmenter.Apply(unit, intensityOnly, new Random(3));

        var perSample = Enumerable.Range(0, 6).Select(i => augmented[i].mean().item<float>()).ToArray();
        Assert.All(perSample, v => Assert.InRange(v, 0.8f, 1.2f));
        Assert.True(perSample.Distinct().Count() > 1, "every sample got the same jitter");
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(0f, augmented[i].std().item<float>(), 5));
    }
}
