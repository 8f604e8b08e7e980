using MriTransfer.Training;
using MriTransfer.Training.Settings;

namespace MriTransfer.Tests.Training;

public class SettingsTests
{
    private static ParamSource Params(params (string Key, object Value)[] values) =>
        ParamSource.FromDictionary(values.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void Defaults_apply_when_no_key_is_given()
    {
        var settings = PretrainSettings.Read(Params());

        Assert.Equal([4, 8, 16], settings.Model.Channels);
        Assert.Equal("denoising", settings.Variant.Kind);
        Assert.Equal(12, settings.Epochs);
        Assert.Equal(2, settings.Runtime.TorchThreads);
    }

    [Fact]
    public void Every_bad_pretrain_param_is_reported_together()
    {
        var error = Assert.Throws<TrainingInputException>(() => PretrainSettings.Read(Params(
            ("pretrain.lr", -1), ("pretrain.epochs", "many"), ("pretrain.variant", "vae"))));

        Assert.Contains("pretrain.lr must be in (0, 1], got -1", error.Message);
        Assert.Contains("pretrain.epochs must be an integer in 1..10000, got 'many'", error.Message);
        Assert.Contains("pretrain.variant must be one of plain, denoising, masked, got 'vae'", error.Message);
    }

    [Fact]
    public void A_label_fraction_of_zero_is_refused()
    {
        var error = Assert.Throws<TrainingInputException>(() => ClassifierSettings.Read(Params(("train.label_fraction", 0)), "TrainHead"));
        Assert.Contains("train.label_fraction must be in (0, 1], got 0", error.Message);
    }

    [Fact]
    public void Group_norm_that_does_not_divide_the_widths_is_reported_at_params_time()
    {
        var error = Assert.Throws<TrainingInputException>(() => PretrainSettings.Read(Params(("model.norm", "group"), ("model.norm_groups", 5))));
        Assert.Contains("model.norm_groups = 5 must divide every block width", error.Message);
    }

    [Fact]
    public void Unfreezing_more_blocks_than_the_encoder_has_is_refused()
    {
        var error = Assert.Throws<TrainingInputException>(() => FineTuneSettings.Read(Params(("finetune.unfreeze_blocks", 4))));
        Assert.Contains("finetune.unfreeze_blocks = 4 exceeds the encoder's 3 blocks", error.Message);
    }

    [Fact]
    public void Channel_lists_may_be_given_as_one_comma_separated_scalar()
    {
        var settings = PretrainSettings.Read(Params(("model.channels", "8, 16")));
        Assert.Equal([8, 16], settings.Model.Channels);
    }

    [Fact]
    public void TrainScratch_gets_the_head_plus_fine_tune_epochs()
    {
        var settings = FineTuneSettings.ReadScratch(Params(("classifier.epochs", 7), ("finetune.epochs", 5)));
        Assert.Equal(12, settings.Epochs);
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
