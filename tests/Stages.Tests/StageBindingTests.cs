using System.Reflection;
using Pipeline.Engine;
using Pipeline.StageKit;

namespace Stages.Tests;

/// <summary>
/// Every stage app binds exactly the params build/ declares for it: run in-process with <c>--bind-only</c> on the
/// resolved params file the engine would hand each stage instance (from this repository's params.yaml), it binds
/// without error (so every key it binds is declared: an undeclared one is an error) and binds every declared key
/// (so no declared key reruns a stage for nothing).
/// </summary>
public sealed class StageBindingTests
{

    public static TheoryData<string, string> Instances()
    {
        var data = new TheoryData<string, string>();
        foreach (var stage in BuildDeclarations.StageParams(Repository.NewBuild(), Repository.PathOf("params.yaml")))
            data.Add(stage.Instance is null ? stage.Stage : $"{stage.Stage}/{stage.Instance}", stage.Project!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void The_stage_binds_every_key_declared_for_it_and_no_other(string instance, string project)
    {
        // Given the resolved params file of one stage instance
        var declared = BuildDeclarations.StageParams(Repository.NewBuild(), Repository.PathOf("params.yaml"))
            .Single(s => (s.Instance is null ? s.Stage : $"{s.Stage}/{s.Instance}") == instance);
        using var temp = new TempFolder();
        var paramsFile = temp.File("params.yaml");
        File.WriteAllText(paramsFile, declared.ResolvedYaml);
        var output = temp.File("out");

        // When its app binds them and stops
        var errors = new StringWriter();
        var exit = RunStage(Path.GetFileName(project), ["--params", paramsFile, "--output", output, "--bind-only"], errors);

        // Then it succeeded, and what it bound is exactly what build/ declared
        Assert.True(exit == StageHost.Ok, $"{instance} ({project}) exited {exit}: {errors}");
        var bound = File.ReadAllLines(Path.Combine(output, StageHost.BoundKeysFile));
        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), bound);
    }

    [Fact]
    public void A_key_missing_from_the_declaration_makes_the_stage_fail_naming_it()
    {
        // Given Pretrain's resolved params without pretrain.lr (as if build/ forgot to declare it)
        var declared = BuildDeclarations.StageParams(Repository.NewBuild(), Repository.PathOf("params.yaml")).Single(s => s.Stage == "Pretrain");
        using var temp = new TempFolder();
        var paramsFile = temp.File("params.yaml");
        File.WriteAllLines(paramsFile, declared.ResolvedYaml.Split('\n').Where(l => l.Trim() != "lr: 0.001"));

        var errors = new StringWriter();
        var exit = RunStage("Pretrain", ["--params", paramsFile, "--output", temp.File("out"), "--bind-only"], errors);

        Assert.Equal(StageHost.Failed, exit);
        Assert.Contains("pretrain.lr is not in this stage's params; declare it in the stage's .Params(...) in build/", errors.ToString());
    }

    /// <summary>Runs a stage app's entry point in this process (its standard error captured).</summary>
    private static int RunStage(string assembly, string[] args, StringWriter errors)
    {
        lock (typeof(Console))
        {
            var previous = Console.Error;
            Console.SetError(errors);
            try { return (int)Assembly.Load(assembly).EntryPoint!.Invoke(null, [args])!; }
            finally { Console.SetError(previous); }
        }
    }
}
