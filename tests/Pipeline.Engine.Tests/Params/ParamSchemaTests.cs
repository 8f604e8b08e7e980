namespace Pipeline.Engine.Tests.Params;

public sealed class ParamSchemaTests
{
    [Theory]
    [InlineData(ParamType.Int, "an integer in [1, 10]")]
    [InlineData(ParamType.Double, "a number in [1, 10]")]
    [InlineData(ParamType.IntList, "a list of integers each in [1, 10]")]
    public void Given_a_ranged_spec_when_describing_it_then_the_phrase_names_type_and_range(ParamType type, string expected)
    {
        var spec = new ParamSpec("k", type, "d") { Min = 1, Max = 10 };

        Assert.Equal(expected, spec.Expected());
    }

    [Fact]
    public void Given_a_choice_spec_when_describing_it_then_the_phrase_lists_the_allowed_values()
    {
        Assert.Equal("one of 2d, 3d", ParamSpec.Choice("data.mode", "d", "2d", "3d").Expected());
    }

    [Theory]
    [InlineData(1e-4, "0.0001")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0, "1")]
    [InlineData(3e-21, "3E-21")]
    public void Given_a_double_when_writing_its_canonical_form_then_it_is_culture_invariant_round_trip_text(double value, string expected)
    {
        Assert.Equal(expected, new ParamValue(ParamType.Double, value).Canonical);
    }

    [Theory]
    [InlineData("hello", "hello")]
    [InlineData("true", "'true'")]
    [InlineData("12", "'12'")]
    [InlineData("it's", "'it''s'")]
    public void Given_a_string_when_writing_its_canonical_form_then_it_reads_back_as_the_same_string(string value, string expected)
    {
        Assert.Equal(expected, new ParamValue(ParamType.String, value).Canonical);
    }
}
