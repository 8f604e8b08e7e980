using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

public class TrainingBudgetTests
{
    [Fact]
    public void Given_a_training_json_with_the_budget_keys_when_read_then_steps_epochs_rates_and_change_are_printed()
    {
        var dir = Directory.CreateTempSubdirectory("budget").FullName;
        File.WriteAllText(Path.Combine(dir, "training.json"),
            """{"stage": "ImageNetFineTune", "steps": 150, "epochs": 6, "lr": {"head": 0.0001, "layer4": 0.0001, "layer3": 5E-05}, "encoder_relative_change": 0.0123456}""");

        var budget = TrainingBudget.Read("imagenet_finetune", dir);

        Assert.Equal(new TrainingBudget("imagenet_finetune", "150", "6", "head 0.0001, layer4 0.0001, layer3 5E-05", "0.0123"), budget);
    }

    [Fact]
    public void Given_an_arm_whose_training_json_lacks_the_keys_or_is_missing_when_read_then_every_cell_is_a_dash()
    {
        var dir = Directory.CreateTempSubdirectory("budget").FullName;
        File.WriteAllText(Path.Combine(dir, "training.json"), """{"stage": "TrainHead", "seed": 0}""");

        Assert.Equal(new TrainingBudget("head", "—", "—", "—", "—"), TrainingBudget.Read("head", dir));
        Assert.Equal(new TrainingBudget("scratch", "—", "—", "—", "—"), TrainingBudget.Read("scratch", null));
    }
}
