using MriTransfer.Models;
using MriTransfer.Training;
using MriTransfer.Training.Settings;

namespace MriTransfer.Tests.Training;

/// <summary>What the settings records check beyond the schema in build/ (which alone holds every key's range).</summary>
public class SettingsTests
{
    [Fact]
    public void Group_norm_that_does_not_divide_the_widths_is_refused_naming_the_key()
    {
        var settings = TrainingParams.Pretrain(p => { p["model.norm"] = "group"; p["model.norm_groups"] = 5; });

        var error = Assert.Throws<ModelConfigurationException>(() => settings.Model.Architecture(3));

        Assert.Contains("model.norm_groups = 5 must divide every block width", error.Message);
    }

    [Fact]
    public void Unfreezing_more_blocks_than_the_encoder_has_is_refused_before_anything_is_read()
    {
        var error = Assert.Throws<ModelConfigurationException>(() => FineTuning.Run("no-head", "no-cohort", "no-output",
            TrainingParams.Classifier(), TrainingParams.FineTune(p => p["finetune.unfreeze_blocks"] = 4), _ => { }));

        Assert.Contains("finetune.unfreeze_blocks = 4 exceeds the encoder's 2 blocks", error.Message);
    }

    [Fact]
    public void An_unknown_autoencoder_variant_from_a_model_json_is_refused_naming_the_kinds()
    {
        var error = Assert.Throws<ModelConfigurationException>(() => AutoencoderVariant.Create("vae", 0, 0, 1));

        Assert.Contains("pretrain.variant must be one of plain, denoising, masked, got 'vae'", error.Message);
    }

    [Theory]
    [InlineData("cosine", 0, 10, 1.0)]
    [InlineData("cosine", 9, 10, 0.01)]
    [InlineData("step", 10, 30, 0.5)]
    [InlineData("constant", 29, 30, 1.0)]
    public void The_learning_rate_schedule_gives_the_expected_factor(string schedule, int epoch, int total, double expected)
    {
        var settings = new OptimizerSettings("adamw", 1e-3, 0, schedule, 10, 0.5);
        Assert.Equal(expected, LearningRateSchedule.Factor(settings, epoch, total), 1e-9);
    }

    [Fact]
    public void Warm_up_ramps_the_learning_rate_linearly_before_the_schedule()
    {
        var settings = new OptimizerSettings("adamw", 1e-3, 0, "constant", 10, 0.5);
        Assert.Equal(new[] { 1 / 3.0, 2 / 3.0, 1.0 }, Enumerable.Range(0, 3).Select(e => LearningRateSchedule.Factor(settings, e, 10, warmupEpochs: 2)));
    }
}
