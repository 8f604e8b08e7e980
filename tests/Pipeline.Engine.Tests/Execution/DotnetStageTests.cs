using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>A real C# stage project: built in Release on demand (one `dotnet build`), rebuilt only when its code changes.
/// Slow (it compiles twice), so it carries the Slow category.</summary>
[Trait("Category", "Slow")]
public sealed class DotnetStageTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    private sealed class HelloBuild
    {
        static readonly ParamSpec[] Schema = [ParamSpec.String("hello.name", "who to greet")];

        Stage Hello => _ => _
            .Description("Greets")
            .Project("stages/Hello")
            .Params("hello")
            .Outputs("greeting.txt");
    }

    /// <summary>The same app twice in a chain: Echo reads Hello's output folder.</summary>
    private sealed class ChainBuild
    {
        static readonly ParamSpec[] Schema = [ParamSpec.String("hello.name", "who to greet")];
        Stage Hello => _ => _.Project("stages/Hello").Params("hello").Outputs("greeting.txt");
        Stage Echo => _ => _.Project("stages/Hello").Input("hello", Hello).Params("hello").Outputs("greeting.txt");
    }

    private const string Program = """
        var output = args[Array.IndexOf(args, "--output") + 1];
        var name = File.ReadAllLines(args[Array.IndexOf(args, "--params") + 1]).Single(l => l.Contains("name:")).Split(':')[1].Trim();
        File.AppendAllText("runs.log", Environment.GetEnvironmentVariable("PIPELINE_STAGE") + "\n");
        Console.WriteLine("::progress greeting");
        File.WriteAllText(Path.Combine(output, "greeting.txt"), $"Hello, {name}!");
        """;

    public DotnetStageTests()
    {
        _ws.Write("stages/Hello/Hello.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                </Project>
                """)
            .Write("stages/Hello/Program.cs", Program)
            .Write("params.yaml", "hello:\n  name: world\n");
    }

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Given_a_csharp_stage_when_its_code_changes_only_in_comments_then_it_is_neither_rebuilt_nor_rerun_but_a_real_change_is()
    {
        var (exit, output) = _ws.Run(new HelloBuild(), "Hello");
        Assert.True(exit == 0, output);
        Assert.Contains("building stages/Hello (Release)", output);
        Assert.Equal("Hello, world!", _ws.Read("out/Hello/greeting.txt"));
        Assert.Equal(["Hello"], _ws.TakeRuns());

        _ws.Write("stages/Hello/Program.cs", "// greets the user\n" + Program.Replace("var output", "var   output"));
        (exit, output) = _ws.Run(new HelloBuild(), "Hello");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("building", output);
        Assert.Empty(_ws.TakeRuns());

        _ws.Write("stages/Hello/Program.cs", Program.Replace("Hello, {name}!", "Hi, {name}!"));
        (exit, output) = _ws.Run(new HelloBuild(), "Hello");
        Assert.True(exit == 0, output);
        Assert.Contains("code of stages/Hello changed", output);
        Assert.Equal("Hi, world!", _ws.Read("out/Hello/greeting.txt"));
    }

    [Fact]
    public void Given_a_shared_cache_filled_by_one_clone_when_a_second_clone_runs_then_it_restores_every_stage_without_building_any()
    {
        using var cache = new TempWorkspace();
        using var second = new TempWorkspace();
        foreach (var file in new[] { "stages/Hello/Hello.csproj", "stages/Hello/Program.cs", "params.yaml" }) second.Write(file, _ws.Read(file));
        Assert.Equal(0, _ws.Run(new ChainBuild(), "Echo", "--cache-dir", cache.Root).Exit);

        var (exit, output) = second.Run(new ChainBuild(), "Echo", "--cache-dir", cache.Root);

        Assert.True(exit == 0, output);
        Assert.Contains("0 ran, 2 restored", output);
        Assert.DoesNotContain("building", output);
        Assert.False(second.Exists("stages/Hello/bin"));
        Faults.Shell("chmod", "-R", "u+w", cache.Root);
    }

    [Fact]
    public void Given_a_csharp_stage_that_does_not_compile_when_running_then_the_stage_fails_with_the_compiler_error()
    {
        _ws.Write("stages/Hello/Program.cs", "this is not C#");

        var (exit, output) = _ws.Run(new HelloBuild(), "Hello");

        Assert.Equal(1, exit);
        Assert.Contains("Hello failed: building stages/Hello failed:", output);
        Assert.Contains("error CS", output);
    }
}
