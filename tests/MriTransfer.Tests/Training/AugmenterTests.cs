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
        var affineOnly = new AugmentationSettings(Flip: false, RotateDegrees: 20, Scale: 0.2, Shift: 0.2, Intensity: 0, Interpolation: "linear");

        using var augmented = Augmenter.Apply(background, affineOnly, new Random(7));

        Assert.Equal(shape, augmented.shape);
        Assert.Equal(-2f, augmented.min().item<float>(), 5);
        Assert.Equal(-2f, augmented.max().item<float>(), 5);
    }

    [Fact]
    public void Given_an_intensity_jitter_when_applied_then_each_sample_gets_its_own_gain_and_offset_within_the_range()
    {
        using var unit = ones([6, 1, 4, 4, 4]);
        var intensityOnly = new AugmentationSettings(Flip: false, RotateDegrees: 0, Scale: 0, Shift: 0, Intensity: 0.1, Interpolation: "linear");

        using var augmented = Augmenter.Apply(unit, intensityOnly, new Random(3));

        var perSample = Enumerable.Range(0, 6).Select(i => augmented[i].mean().item<float>()).ToArray();
        Assert.All(perSample, v => Assert.InRange(v, 0.8f, 1.2f));
        Assert.True(perSample.Distinct().Count() > 1, "every sample got the same jitter");
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(0f, augmented[i].std().item<float>(), 5));
    }

    [Fact]
    public void Given_a_one_voxel_edge_when_the_affine_resamples_nearest_then_every_voxel_is_an_input_value_and_linear_smooths_it()
    {
        // A skull-like shell one voxel thick: linear resampling at sub-voxel offsets blends it with its neighbours
        // (values between background and edge appear); nearest copies voxels, so only the two input values remain.
        var volume = full(new long[] { 4, 1, 12, 12, 12 }, -1f);
        volume[.., .., 6, .., ..] = tensor(3f);
        var affine = (string interpolation) => new AugmentationSettings(Flip: false, RotateDegrees: 10, Scale: 0.1, Shift: 0.1, Intensity: 0, Interpolation: interpolation);

        using var nearest = Augmenter.Apply(volume, affine("nearest"), new Random(5));
        using var linear = Augmenter.Apply(volume, affine("linear"), new Random(5));

        using var inBetween = (nearest > -1f + 1e-4f).logical_and(nearest < 3f - 1e-4f);
        Assert.Equal(0, inBetween.sum().item<long>());
        Assert.True(nearest.eq(3f).sum().item<long>() > 0, "nearest resampling lost the edge");
        using var blended = (linear > -1f + 1e-4f).logical_and(linear < 3f - 1e-4f);
        Assert.True(blended.sum().item<long>() > 0, "linear resampling kept only input values: the affine did nothing");
    }

    [Fact]
    public void Given_settings_written_to_a_model_json_when_read_back_then_they_are_the_same_settings()
    {
        var settings = new AugmentationSettings(Flip: true, RotateDegrees: 5, Scale: 0.05, Shift: 0.03, Intensity: 0.1, Interpolation: "nearest");

        Assert.Equal(settings, AugmentationSettings.FromJson(System.Text.Json.Nodes.JsonNode.Parse(settings.ToJson().ToJsonString())!));
    }
}
