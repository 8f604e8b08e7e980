using MriTransfer.Cohorts.Synthetic;
using Pipeline.Errors;

namespace MriTransfer.Tests.Cohorts.Synthetic;

public sealed class SyntheticCohortSettingsTests
{
    [Fact]
    public void Given_no_values_When_parsed_Then_the_defaults_hold()
    {
        var s = SyntheticCohortSettings.Parse(new Dictionary<string, string>());

        Assert.Equal(120, s.AdSubjects);
        Assert.Equal(40, s.BtSubjects);
        Assert.Equal([64, 64, 64], s.Shape);
        Assert.Equal(3.0, s.SpacingMm);
    }

    [Fact]
    public void Given_values_as_the_stage_flattens_them_When_parsed_Then_they_are_used()
    {
        var s = SyntheticCohortSettings.Parse(new Dictionary<string, string> { ["shape"] = "32,40,36", ["difficulty"] = "0.8", ["compress"] = "false", ["seed"] = "7" });

        Assert.Equal([32, 40, 36], s.Shape);
        Assert.Equal(0.8, s.Difficulty);
        Assert.False(s.Compress);
        Assert.Equal(7, s.Seed);
    }

    [Fact]
    public void Given_several_bad_values_When_parsed_Then_every_problem_is_reported_together()
    {
        var e = Assert.Throws<InputException>(() => SyntheticCohortSettings.Parse(new Dictionary<string, string>
        {
            ["ad_subjects"] = "2", ["difficulty"] = "1.5", ["shape"] = "64,64", ["colour"] = "red",
        }));

        Assert.Contains("synthesize.ad_subjects: '2' is not valid; expected integer 3..100000", e.Message);
        Assert.Contains("synthesize.difficulty: '1.5'", e.Message);
        Assert.Contains("synthesize.shape: '64,64'", e.Message);
        Assert.Contains("synthesize.colour: unknown key", e.Message);
    }
}
