using System.Text.RegularExpressions;

namespace MriTransfer.Tests;

/// <summary>The domain library's concerns (Imaging, Cohorts, Models, Training, ...) depend on each other one way only.</summary>
public partial class NamespaceDependencyTests
{
    [GeneratedRegex(@"^namespace MriTransfer\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    /// <summary>A using directive (<c>using MriTransfer.Training;</c>) or a qualified name (<c>Models.EncoderFeatures</c>).</summary>
    [GeneratedRegex(@"^using (?:static )?MriTransfer\.(\w+)|(?<![\w.])(?:MriTransfer\.)?(Imaging|Cohorts|Preprocessing|Models|Training|Evaluation|Reporting|Randomness)\.[A-Z]", RegexOptions.Multiline)]
    private static partial Regex Reference();

    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.PathOf("src/MriTransfer"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains("/obj/") || file.Contains("/bin/")) continue;
            var text = File.ReadAllText(file);
            if (Namespace().Match(text) is not { Success: true } own) continue;
            var from = own.Groups[1].Value;
            var uses = graph.TryGetValue(from, out var set) ? set : graph[from] = [];
            foreach (Match m in Reference().Matches(text))
                if ((m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) is var to && to != from) uses.Add(to);
        }
        return graph;
    }

    [Fact]
    public void No_two_concerns_of_the_domain_library_depend_on_each_other()
    {
        var graph = Dependencies();
        bool Reaches(string from, string to, HashSet<string> seen) =>
            graph.GetValueOrDefault(from, []).Any(n => n == to || (seen.Add(n) && Reaches(n, to, seen)));

        var cycles = graph.SelectMany(kv => kv.Value.Where(to => Reaches(to, kv.Key, [])).Select(to => $"{kv.Key} -> {to}")).ToList();

        Assert.True(cycles.Count == 0, "namespace cycles: " + string.Join("; ", cycles));
        Assert.DoesNotContain("Training", graph["Models"]);
        Assert.DoesNotContain("Training", graph["Evaluation"]);
    }
}
