using MriTransfer.Models;

namespace MriTransfer.Tests.Models;

public class ArchitectureValidationTests
{
    [Theory]
    [InlineData("strided", "3 blocks of [conv3d 3, stride 2, padding 1 → batch norm → relu → conv3d 3, padding 1 → batch norm → relu]; output (N, 64, S/8)")]
    [InlineData("plain", "3 blocks of [conv3d 3, padding 1 → batch norm → relu] ×2 → conv stride 2, kernel 2; output (N, 64, S/8)")]
    public void The_model_card_text_describes_the_block_the_encoder_has(string block, string expected) =>
        Assert.Equal(expected, EncoderArchitecture.Create(3, [16, 32, 64], block: block).LayerText());

    [Fact]
    public void An_input_shape_not_divisible_by_two_to_the_depth_is_refused_with_the_shapes_that_work()
    {
        var architecture = EncoderArchitecture.Create(3, [16, 32, 64]);

        var error = Assert.Throws<ModelConfigurationException>(() => architecture.ValidateInputShape([60, 64, 64], "ad/summary.json"));

        Assert.Contains("ad/summary.json", error.Message);
        Assert.Contains("multiple of 2^3 = 8", error.Message);
        Assert.Contains("60 → 56 or 64", error.Message);
        Assert.Contains("depth 2 fits 60×64×64", error.Message);
    }

    [Fact]
    public void A_two_d_model_refuses_a_three_axis_shape()
    {
        var error = Assert.Throws<ModelConfigurationException>(() => EncoderArchitecture.Create(2, [8]).ValidateInputShape([16, 16, 16], "x"));
        Assert.Contains("2-D", error.Message);
    }

    [Fact]
    public void Group_norm_with_a_group_count_that_does_not_divide_a_width_is_refused()
    {
        var error = Assert.Throws<ModelConfigurationException>(() => EncoderArchitecture.Create(3, [6, 8], norm: "group", normGroups: 4));
        Assert.Contains("6 is not a multiple", error.Message);
    }

    [Fact]
    public void An_unknown_norm_and_activation_are_reported_together()
    {
        var error = Assert.Throws<ModelConfigurationException>(() => EncoderArchitecture.Create(3, [8], norm: "layer", activation: "tanh"));
        Assert.Contains("model.norm must be one of batch, instance, group, got 'layer'", error.Message);
        Assert.Contains("model.activation must be one of", error.Message);
    }

    [Fact]
    public void An_empty_channel_list_is_refused()
    {
        var error = Assert.Throws<ModelConfigurationException>(() => EncoderArchitecture.Create(3, []));
        Assert.Contains("model.channels", error.Message);
    }

    [Fact]
    public void The_architecture_survives_a_json_round_trip()
    {
        var architecture = EncoderArchitecture.Create(2, [4, 8], norm: "group", activation: "gelu", normGroups: 2, block: "strided");
        Assert.Equal(architecture, EncoderArchitecture.FromJson(architecture.ToJson()));
    }

    [Fact]
    public void A_description_written_before_block_designs_existed_is_a_plain_encoder()
    {
        var json = EncoderArchitecture.Create(3, [4, 8], block: "strided").ToJson();
        json.Remove("block");

        Assert.Equal("plain", EncoderArchitecture.FromJson(json).Block);
    }

    [Fact]
    public void An_unknown_block_design_is_refused_naming_the_key_and_the_choices()
    {
        var error = Assert.Throws<ModelConfigurationException>(() => EncoderArchitecture.Create(3, [4], block: "resnet"));
        Assert.Contains("model.block must be one of plain, strided, got 'resnet'", error.Message);
    }
}
