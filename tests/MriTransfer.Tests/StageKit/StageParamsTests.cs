using Pipeline.Errors;
using Pipeline.StageKit;

namespace MriTransfer.Tests.StageKit;

public class StageParamsTests
{
    [Fact]
    public void A_declared_key_is_read_and_an_undeclared_one_takes_the_fallback()
    {
        var p = StageParams.FromYaml("evaluate:\n  seed: 7\n");

        Assert.Equal(7, p.GetOr("evaluate.seed", p.GetInt, 1));
        Assert.Equal(2000, p.GetOr("evaluate.bootstrap_resamples", p.GetInt, 2000));
    }

    [Fact]
    public void A_value_that_does_not_parse_is_an_input_error_naming_the_key_and_the_value()
    {
        var p = StageParams.FromYaml("evaluate:\n  seed: seven\n");

        var error = Assert.Throws<InputException>(() => p.GetOr("evaluate.seed", p.GetInt, 1));

        Assert.Contains("evaluate.seed: expected an integer, got 'seven'", error.Message);
    }
}
