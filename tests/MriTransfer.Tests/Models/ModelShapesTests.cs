using MriTransfer.Models;
using static TorchSharp.torch;

namespace MriTransfer.Tests.Models;

[Collection(MriTransfer.Tests.Training.TorchCollection.Name)]
public class ModelShapesTests
{
    public static TheoryData<int, int[], int, string> Cases => new()
    {
        { 3, [4], 16, "plain" },
        { 3, [4, 8], 16, "plain" },
        { 3, [2, 4, 8], 16, "plain" },
        { 2, [4], 16, "plain" },
        { 2, [4, 8, 8], 16, "plain" },
        { 2, [3, 5, 7, 9], 32, "plain" },
        { 3, [4], 16, "strided" },
        { 3, [4, 8, 16], 16, "strided" },
        { 2, [3, 5, 7, 9], 32, "strided" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_encoder_halves_every_axis_per_block_and_ends_with_the_last_width(int dims, int[] channels, int size, string block)
    {
        // Given an encoder of the given depth and an input batch of two samples
        using var scope = NewDisposeScope();
        using var encoder = new Encoder(EncoderArchitecture.Create(dims, channels, norm: "instance", block: block));
        var input = zeros(new long[] { 2, 1 }.Concat(Enumerable.Repeat((long)size, dims)).ToArray());

        // When it encodes
        var output = encoder.forward(input);

        // Then each spatial axis is size / 2^depth and the channels are the last block's width
        var expected = new long[] { 2, channels[^1] }.Concat(Enumerable.Repeat((long)(size >> channels.Length), dims));
        Assert.Equal(expected, output.shape);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_autoencoder_reconstructs_at_the_input_shape(int dims, int[] channels, int size, string block)
    {
        using var scope = NewDisposeScope();
        using var model = new Autoencoder(EncoderArchitecture.Create(dims, channels, block: block), AutoencoderVariant.Plain);
        var input = randn(new long[] { 2, 1 }.Concat(Enumerable.Repeat((long)size, dims)).ToArray());

        Assert.Equal(input.shape, model.forward(input).shape);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_classifier_gives_one_logit_per_class(int dims, int[] channels, int size, string block)
    {
        using var scope = NewDisposeScope();
        using var model = new EncoderClassifier(EncoderArchitecture.Create(dims, channels, norm: "group", normGroups: 1, block: block),
            ClassifierHeadSpec.Create([6], 0.2, 3));
        model.eval();
        var input = randn(new long[] { 2, 1 }.Concat(Enumerable.Repeat((long)size, dims)).ToArray());

        Assert.Equal(new long[] { 2, 3 }, model.forward(input).shape);
    }

    [Theory]
    [InlineData("denoising")]
    [InlineData("masked")]
    public void A_corrupting_variant_changes_its_input_but_keeps_the_shape(string kind)
    {
        using var scope = NewDisposeScope();
        using var model = new Autoencoder(EncoderArchitecture.Create(3, [4]), AutoencoderVariant.Create(kind, 0.5, 0.5, 4));
        var input = ones(new long[] { 2, 1, 16, 16, 16 });
        using var generator = new Generator(7);

        var corrupted = model.Corrupt(input, generator);

        Assert.Equal(input.shape, corrupted.shape);
        Assert.False(corrupted.allclose(input));
    }
}
