using MriTransfer.Training.ImageNet;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Tests.ImageNet;

public class FineTuneBudgetTests
{
    [Fact]
    public void Given_a_layer_decay_when_rates_are_set_per_stage_then_each_stage_towards_the_stem_trains_that_many_times_slower()
    {
        var settings = new SliceTrainingSettings(6, 32, HeadLr: 1e-4, BackboneLr: 1e-4, Patience: 3, LabelFraction: 1, Seed: 0, TorchThreads: 1, LayerDecay: 0.5);

        Assert.Equal(1e-4, settings.BackboneLrAt(0), 15);      // layer4
        Assert.Equal(1e-4 / 16, settings.BackboneLrAt(4), 15); // the stem, four stages below
    }

    [Fact]
    public void Given_weights_moved_by_a_known_amount_when_measured_then_the_relative_change_is_the_norm_of_the_move_over_the_norm_before()
    {
        using var scope = NewDisposeScope();
        var a = new Parameter(tensor(new float[] { 3, 4 }));     // ‖a‖ = 5
        var b = new Parameter(tensor(new float[] { 0, 0, 0 }));
        using var change = WeightChange.Snapshot([a, b]);
        Assert.Equal(0, change.Relative());

        using (no_grad())
        {
            a.add_(tensor(new float[] { 0.3f, 0 }));
            b.add_(tensor(new float[] { 0, 0.4f, 0 }));
        }

        Assert.Equal(0.1, change.Relative(), 6); // √(0.09 + 0.16) / 5
    }
}
