using Pipeline.Errors;
using Pipeline.StageKit;
using Spectre.Console.Testing;

namespace MriTransfer.Tests.StageKit;

public class StageArgsTests
{
    private static StageArgs Args(params string[] inputs) =>
        StageArgs.Parse(["--params", "p.yaml", "--output", "out", .. inputs.SelectMany(i => new[] { "--input", i })]);

    [Fact]
    public void Inputs_with_a_prefix_come_back_by_the_name_after_it()
    {
        var args = Args("variant:head=/h", "variant:scratch=/s", "bt=/bt");

        Assert.Equal(new Dictionary<string, string> { ["head"] = "/h", ["scratch"] = "/s" }, args.InputsWithPrefix("variant:"));
    }

    [Fact]
    public void Matrix_instances_are_grouped_by_input_name_without_reading_their_instance_names()
    {
        var args = Args("cell:head/fraction-0.1_seed-1=/a", "cell:head/anything=/b", "cell:scratch/x=/c");

        var groups = args.InstancesWithPrefix("cell:");

        Assert.Equal(["/a", "/b"], groups["head"].Order());
        Assert.Equal(["/c"], groups["scratch"]);
    }

    [Fact]
    public void A_matrix_input_without_an_instance_is_a_usage_error_naming_it() =>
        Assert.Contains("--input cell:head=...: expected cell:<name>/<instance>",
            Assert.Throws<InputException>(() => Args("cell:head=/a").InstancesWithPrefix("cell:")).Message);

    [Fact]
    public void The_resume_folder_and_fingerprint_come_from_the_engine_s_environment_and_are_null_outside_it()
    {
        var previous = Environment.GetEnvironmentVariable(StageContext.ResumeDirVariable);
        try
        {
            Environment.SetEnvironmentVariable(StageContext.ResumeDirVariable, "/ws/.pipeline/resume/abc");
            Assert.Equal("/ws/.pipeline/resume/abc", StageContext.FromEnvironment(Args(), new TestConsole()).ResumeDir);
            Environment.SetEnvironmentVariable(StageContext.ResumeDirVariable, "");
            Assert.Null(StageContext.FromEnvironment(Args(), new TestConsole()).ResumeDir);
        }
        finally { Environment.SetEnvironmentVariable(StageContext.ResumeDirVariable, previous); }
    }
}
