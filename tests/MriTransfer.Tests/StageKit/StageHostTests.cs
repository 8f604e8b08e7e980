using MriTransfer.Imaging;
using MriTransfer.Tests.Training;
using Pipeline.StageKit;
using Spectre.Console.Testing;

namespace MriTransfer.Tests.StageKit;

public sealed class StageHostTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private (int Exit, string Errors) Run(Func<StageContext, int> body)
    {
        var paramsFile = Path.Combine(_temp.Path, "params.yaml");
        File.WriteAllText(paramsFile, "{}\n");
        var errors = new StringWriter();
        var exit = StageHost.Run(["--params", paramsFile, "--output", Path.Combine(_temp.Path, "out")], body, new TestConsole(), errors);
        return (exit, errors.ToString());
    }

    [Fact]
    public void A_domain_input_error_exits_2_with_its_message_and_no_stack_trace()
    {
        var (exit, errors) = Run(_ => throw new ImageReadException("data/sub-07.nii.gz", "dim[0] is 9, expected 1 to 7"));

        Assert.Equal(StageHost.BadInput, exit);
        Assert.Equal("error: data/sub-07.nii.gz: dim[0] is 9, expected 1 to 7" + Environment.NewLine, errors);
    }

    [Fact]
    public void Any_other_exception_is_a_bug_that_exits_1_with_its_stack_trace()
    {
        var (exit, errors) = Run(_ => throw new InvalidOperationException("broken invariant"));

        Assert.Equal(StageHost.Failed, exit);
        Assert.Contains("a bug", errors);
        Assert.Contains("broken invariant", errors);
        Assert.Contains("   at ", errors);
    }

    [Fact]
    public void A_missing_declared_input_is_a_usage_error_naming_it()
    {
        var (exit, errors) = Run(ctx => ctx.Args.Input("cohort").Length);

        Assert.Equal(StageHost.BadInput, exit);
        Assert.Contains("input 'cohort' was not given", errors);
    }
}
