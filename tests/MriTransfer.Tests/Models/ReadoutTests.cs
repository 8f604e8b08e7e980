using MriTransfer.Models;
using static TorchSharp.torch;

namespace MriTransfer.Tests.Models;

public sealed class ReadoutTests
{
    [Theory]
    [InlineData("gap", 3, 8)]            // C_last
    [InlineData("gap_gmp", 3, 16)]       // 2·C_last
    [InlineData("multiscale", 3, 24)]    // 2·(4 + 8)
    [InlineData("flatten", 3, 8 * 64)]   // C_last · (16/4)³
    [InlineData("attention", 3, 8)]
    [InlineData("multiscale", 2, 24)]
    [InlineData("flatten", 2, 8 * 16)]   // C_last · (16/4)²
    public void Each_readout_gives_its_documented_width_and_the_classifier_one_logit_per_class(string name, int dims, long width)
    {
        // Given a two-block encoder on 16-voxel sides read through the readout
        using var scope = NewDisposeScope();
        var architecture = EncoderArchitecture.Create(dims, [4, 8], norm: "group", normGroups: 2);
        var spec = ReadoutSpec.For(name, architecture, Enumerable.Repeat(16, dims).ToArray());
        using var model = new EncoderClassifier(architecture, ClassifierHeadSpec.Create([6], 0.0, 3), spec);
        model.eval();
        var input = randn(new long[] { 2, 1 }.Concat(Enumerable.Repeat(16L, dims)).ToArray());

        // When it classifies, then features and logits have the expected widths
        Assert.Equal(width, spec.Width(architecture));
        Assert.Equal(new[] { 2L, width }, model.Features(input).shape);
        Assert.Equal(new[] { 2L, 3L }, model.forward(input).shape);
    }

    [Fact]
    public void An_unknown_readout_is_refused_listing_the_choices()
    {
        var error = Assert.Throws<ModelConfigurationException>(() => ReadoutSpec.For("mean", EncoderArchitecture.Create(3, [4]), [16, 16, 16]));

        Assert.Contains("model.readout must be one of gap, gap_gmp, multiscale, flatten, attention, got 'mean'", error.Message);
    }

    [Fact]
    public void A_model_json_without_a_readout_reads_as_global_average_pooling()
    {
        Assert.Equal(ReadoutSpec.Gap, ReadoutSpec.FromJson(null));
    }

    [Fact]
    public void The_head_standardisation_is_fitted_once_and_does_not_depend_on_the_batch()
    {
        // Given a standardiser fitted on features with per-feature offsets and tiny spreads
        using var scope = NewDisposeScope();
        using var standardizer = new FeatureStandardizer(2);
        var train = tensor(new float[] { 0.80f, -0.5f, 0.82f, -0.4f, 0.84f, -0.6f }, [3, 2]);
        standardizer.Fit(train);

        // When one sample goes through alone or with the others, then it is standardised the same way
        var alone = standardizer.forward(train[..1]);
        var together = standardizer.forward(train)[..1];
        Assert.True(alone.allclose(together));
        Assert.True(standardizer.forward(train).mean([0L]).abs().max().item<float>() < 1e-5);
        Assert.Equal(1.0, standardizer.forward(train).std(0, unbiased: false)[0].item<float>(), 1e-4);
    }
}
