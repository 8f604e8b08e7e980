using MriTransfer.Models;

namespace MriTransfer.Tests.Models;

/// <summary>Field names are checkpoint keys: renaming one breaks every exported encoder. These tests pin them.</summary>
[Collection(MriTransfer.Tests.Training.TorchCollection.Name)]
public class StateDictKeysTests
{
    private static readonly EncoderArchitecture OneBlock = EncoderArchitecture.Create(3, [4]);

    [Fact]
    public void The_encoder_keys_are_pinned()
    {
        using var encoder = new Encoder(OneBlock);

        var keys = encoder.state_dict().Keys.Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(new[]
        {
            "blocks.0.conv1.conv.bias", "blocks.0.conv1.conv.weight",
            "blocks.0.conv1.norm.bias", "blocks.0.conv1.norm.num_batches_tracked", "blocks.0.conv1.norm.running_mean", "blocks.0.conv1.norm.running_var", "blocks.0.conv1.norm.weight",
            "blocks.0.conv2.conv.bias", "blocks.0.conv2.conv.weight",
            "blocks.0.conv2.norm.bias", "blocks.0.conv2.norm.num_batches_tracked", "blocks.0.conv2.norm.running_mean", "blocks.0.conv2.norm.running_var", "blocks.0.conv2.norm.weight",
            "blocks.0.down.bias", "blocks.0.down.weight",
        }, keys);
    }

    [Fact]
    public void A_strided_encoder_block_has_two_convolutions_and_no_separate_downsampling()
    {
        using var encoder = new Encoder(EncoderArchitecture.Create(3, [4], norm: "group", normGroups: 2, block: "strided"));

        var keys = encoder.state_dict().Keys.Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(new[]
        {
            "blocks.0.conv1.conv.bias", "blocks.0.conv1.conv.weight", "blocks.0.conv1.norm.bias", "blocks.0.conv1.norm.weight",
            "blocks.0.conv2.conv.bias", "blocks.0.conv2.conv.weight", "blocks.0.conv2.norm.bias", "blocks.0.conv2.norm.weight",
        }, keys);
    }

    [Fact]
    public void A_strided_decoder_has_one_convolution_per_block_and_a_transposed_output()
    {
        using var autoencoder = new Autoencoder(EncoderArchitecture.Create(3, [4, 8], norm: "group", normGroups: 2, block: "strided"), AutoencoderVariant.Plain);

        var keys = autoencoder.state_dict().Keys.Where(k => k.StartsWith("decoder.")).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(new[]
        {
            "decoder.blocks.0.conv1.conv.bias", "decoder.blocks.0.conv1.conv.weight", "decoder.blocks.0.conv1.norm.bias", "decoder.blocks.0.conv1.norm.weight",
            "decoder.blocks.0.up.bias", "decoder.blocks.0.up.weight", "decoder.output.bias", "decoder.output.weight",
        }, keys);
        Assert.Equal(new long[] { 4, 1, 2, 2, 2 }, autoencoder.state_dict()["decoder.output.weight"].shape);
    }

    [Fact]
    public void The_autoencoder_holds_the_encoder_keys_under_encoder_and_the_rest_under_decoder()
    {
        using var encoder = new Encoder(OneBlock);
        using var autoencoder = new Autoencoder(OneBlock, AutoencoderVariant.Plain);

        var keys = autoencoder.state_dict().Keys.ToList();

        Assert.Equal(encoder.state_dict().Keys.Select(k => "encoder." + k).Order(), keys.Where(k => k.StartsWith("encoder.")).Order());
        Assert.All(keys, k => Assert.True(k.StartsWith("encoder.") || k.StartsWith("decoder."), k));
        Assert.Contains("decoder.output.weight", keys);
        Assert.Contains("decoder.blocks.0.up.weight", keys);
    }

    [Fact]
    public void The_classifier_holds_the_encoder_keys_under_encoder_and_its_head_keys_are_pinned()
    {
        using var encoder = new Encoder(OneBlock);
        using var classifier = new EncoderClassifier(OneBlock, ClassifierHeadSpec.Create([8], 0.1, 2));

        var keys = classifier.state_dict().Keys.ToList();

        Assert.Equal(encoder.state_dict().Keys.Select(k => "encoder." + k).Order(), keys.Where(k => k.StartsWith("encoder.")).Order());
        Assert.Equal(new[] { "head.hidden0.bias", "head.hidden0.weight", "head.norm.mean", "head.norm.scale", "head.output.bias", "head.output.weight" },
            keys.Where(k => !k.StartsWith("encoder.")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_attention_readout_adds_only_its_scoring_layer_under_readout()
    {
        using var classifier = new EncoderClassifier(OneBlock, ClassifierHeadSpec.Create([8], 0.1, 2), new ReadoutSpec("attention", 8));

        var keys = classifier.state_dict().Keys.Where(k => k.StartsWith("readout.")).Order(StringComparer.Ordinal);

        Assert.Equal(new[] { "readout.score.bias", "readout.score.weight" }, keys);
    }
}
