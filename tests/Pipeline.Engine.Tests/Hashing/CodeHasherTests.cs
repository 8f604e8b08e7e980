using Pipeline.Engine.Hashing;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Hashing;

/// <summary>The code of a .NET stage: its project, referenced projects (transitively) and package versions.</summary>
public sealed class CodeHasherTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public CodeHasherTests()
    {
        _ws.Write("Directory.Packages.props", """
                <Project><ItemGroup><PackageVersion Include="YamlDotNet" Version="18.1.0" /></ItemGroup></Project>
                """)
            .Write("src/Lib/Lib.csproj", """
                <Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="YamlDotNet" /></ItemGroup></Project>
                """)
            .Write("src/Lib/Maths.cs", "namespace Lib; public static class Maths { public static int Twice(int x) => 2 * x; }")
            .Write("src/Lib/bin/Release/junk.dll", "binary that must not count")
            .Write("stages/Double/Double.csproj", """
                <Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="../../src/Lib/Lib.csproj" /></ItemGroup></Project>
                """)
            .Write("stages/Double/Program.cs", "System.Console.WriteLine(Lib.Maths.Twice(21));");
    }

    public void Dispose() => _ws.Dispose();

    private CodeDigest Hash() =>
        new CodeHasher(_ws.Root, new ContentHasher(StatCache.Load(_ws.PathOf(".pipeline/statcache.tsv"), _ => { }), 2))
            .ForProject(_ws.PathOf("stages/Double/Double.csproj"));

    [Fact]
    public void Given_a_stage_project_when_hashing_then_its_parts_are_its_project_the_referenced_library_and_packages()
    {
        Assert.Equal(new[] { "packages", "src/Lib", "stages/Double" }, Hash().Parts.Keys);
    }

    [Fact]
    public void Given_a_comment_only_edit_in_a_referenced_library_when_hashing_then_the_code_hash_is_unchanged()
    {
        var before = Hash().Hash;
        _ws.Write("src/Lib/Maths.cs", "namespace Lib;\n// doubles things\npublic static class Maths\n{\n    public static int Twice(int x) => 2 * x; // exact\n}\n");

        Assert.Equal(before, Hash().Hash);
    }

    [Fact]
    public void Given_a_real_change_in_a_referenced_library_when_hashing_then_the_library_part_changes()
    {
        var before = Hash();
        _ws.Write("src/Lib/Maths.cs", "namespace Lib; public static class Maths { public static int Twice(int x) => x + x + 1; }");

        var after = Hash();

        Assert.NotEqual(before.Parts["src/Lib"], after.Parts["src/Lib"]);
        Assert.Equal(before.Parts["stages/Double"], after.Parts["stages/Double"]);
    }

    [Fact]
    public void Given_a_new_package_version_when_hashing_then_the_packages_part_changes()
    {
        var before = Hash();
        _ws.Write("Directory.Packages.props", """
                <Project><ItemGroup><PackageVersion Include="YamlDotNet" Version="19.0.0" /></ItemGroup></Project>
                """);

        Assert.NotEqual(before.Parts["packages"], Hash().Parts["packages"]);
    }

    [Fact]
    public void Given_a_non_csharp_file_in_the_project_when_its_content_changes_then_the_code_hash_changes()
    {
        _ws.Write("stages/Double/labels.txt", "ad\nbt\n");
        var before = Hash().Hash;
        _ws.Write("stages/Double/labels.txt", "ad\nbt\ncontrol\n");

        Assert.NotEqual(before, Hash().Hash);
    }

    [Fact]
    public void Given_build_output_folders_when_they_change_then_the_code_hash_is_unchanged()
    {
        var before = Hash().Hash;
        _ws.Write("src/Lib/bin/Release/junk.dll", "rebuilt");
        _ws.Write("stages/Double/obj/project.assets.json", "{}");

        Assert.Equal(before, Hash().Hash);
    }
}
