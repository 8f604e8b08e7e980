using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Tests.Hashing;

public sealed class CSharpSyntaxHasherTests
{
    private const string Original = """
        namespace Demo;

        public static class Trainer
        {
            public static double Rate(int epoch) => 0.001 * epoch;
        }
        """;

    [Theory]
    [InlineData("a line comment", "namespace Demo; // the demo namespace\n\npublic static class Trainer\n{\n    public static double Rate(int epoch) => 0.001 * epoch;\n}")]
    [InlineData("a block comment", "namespace Demo;\n/* about the trainer */\npublic static class Trainer\n{\n    public static double Rate(int epoch) => 0.001 * epoch;\n}")]
    [InlineData("a doc comment", "namespace Demo;\n\n/// <summary>Trains.</summary>\npublic static class Trainer\n{\n    public static double Rate(int epoch) => 0.001 * epoch;\n}")]
    [InlineData("reformatting", "namespace Demo;\npublic static class Trainer {\n  public static double Rate( int epoch ) =>\n      0.001*epoch;\n}\n\n\n")]
    public void Given_an_edit_that_changes_only_trivia_when_hashing_then_the_hash_is_unchanged(string edit, string source)
    {
        Assert.True(CSharpSyntaxHasher.Hash(Original) == CSharpSyntaxHasher.Hash(source), edit);
    }

    [Theory]
    [InlineData("a constant", "namespace Demo;\npublic static class Trainer\n{\n    public static double Rate(int epoch) => 0.0003 * epoch;\n}")]
    [InlineData("an operator", "namespace Demo;\npublic static class Trainer\n{\n    public static double Rate(int epoch) => 0.001 / epoch;\n}")]
    [InlineData("a name", "namespace Demo;\npublic static class Trainer\n{\n    public static double Rate(int step) => 0.001 * step;\n}")]
    [InlineData("a string literal's spaces", "namespace Demo;\npublic static class Trainer\n{\n    public static string Rate(int epoch) => \"a  b\";\n}")]
    public void Given_a_real_code_change_when_hashing_then_the_hash_changes(string edit, string source)
    {
        Assert.True(CSharpSyntaxHasher.Hash(Original) != CSharpSyntaxHasher.Hash(source), edit);
    }

    [Fact]
    public void Given_a_string_literal_when_only_its_inner_spacing_changes_then_the_hash_changes()
    {
        Assert.NotEqual(CSharpSyntaxHasher.Hash("class A { string s = \"a b\"; }"), CSharpSyntaxHasher.Hash("class A { string s = \"a  b\"; }"));
    }

    [Fact]
    public void Given_an_inactive_if_branch_when_its_code_changes_then_the_hash_changes()
    {
        const string before = "class A {\n#if FAST\n int x = 1;\n#else\n int x = 2;\n#endif\n}";
        const string after = "class A {\n#if FAST\n int x = 3;\n#else\n int x = 2;\n#endif\n}";

        Assert.NotEqual(CSharpSyntaxHasher.Hash(before), CSharpSyntaxHasher.Hash(after));
    }

    [Fact]
    public void Given_a_preprocessor_symbol_when_it_is_defined_then_the_hash_changes()
    {
        Assert.NotEqual(CSharpSyntaxHasher.Hash("class A { }"), CSharpSyntaxHasher.Hash("#define FAST\nclass A { }"));
    }

    [Fact]
    public void Given_an_inactive_if_branch_when_only_its_whitespace_changes_then_the_hash_is_unchanged()
    {
        Assert.Equal(
            CSharpSyntaxHasher.Hash("class A {\n#if FAST\n int x = 1;\n#endif\n}"),
            CSharpSyntaxHasher.Hash("class A {\n#if FAST\n     int   x = 1;   \n#endif\n}"));
    }
}
