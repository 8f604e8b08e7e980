using Pipeline.Engine;

namespace Stages.Tests;

/// <summary>The synthesis keys' choices are what the generator implements.</summary>
public sealed class SynthesisParamsTests
{
    [Fact]
    public void The_ad_contrast_choices_are_the_contrasts_the_generator_implements() =>
        Assert.Equal(["t1", "t1ce"], BuildDeclarations.Schema(Repository.NewBuild()).Single(s => s.Key == "synthesize.ad_contrast").Allowed.Order());
}
