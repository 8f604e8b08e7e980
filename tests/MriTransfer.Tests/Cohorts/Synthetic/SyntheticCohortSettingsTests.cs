using MriTransfer.Cohorts.Synthetic;
using Pipeline.Errors;

namespace MriTransfer.Tests.Cohorts.Synthetic;

public sealed class SyntheticCohortSettingsTests
{
    [Fact]
    public void Given_params_yaml_When_bound_Then_every_synthesize_key_has_its_value_there()
    {
        var s = TestParams.Load().Bind<SyntheticCohortSettings>("synthesize");

        Assert.Equal(1200, s.AdSubjects);
        Assert.Equal(400, s.BtSubjects);
        Assert.Equal([48, 48, 48], s.Shape);
        Assert.Equal(0.0, s.Difficulty);
    }

    [Fact]
    public void Given_a_grid_of_two_axes_When_generating_Then_it_is_refused_naming_the_key()
    {
        var e = Assert.Throws<InputException>(() => SyntheticCohorts.Generate(TestSettings.Synthesis with { Shape = [64, 64] }, "never-written"));

        Assert.Equal("synthesize.shape must be 3 integers (the voxel grid), got [64, 64]", e.Message);
    }
}
