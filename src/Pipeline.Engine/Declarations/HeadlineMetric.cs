namespace Pipeline.Engine;

/// <summary>
/// A metric <c>./build.sh Experiments</c> shows for every recorded run, declared in build/ in any
/// <c>HeadlineMetric[]</c> field or property, e.g.
/// <c>HeadlineMetric.Json("metrics/Evaluate/metrics.json", "variants.*.balanced_accuracy", ci: "variants.*.balanced_accuracy_ci", label: "* bal_acc")</c>.
/// The engine reads it from the copy of that metrics file the experiment kept; it knows nothing of what it means.
/// </summary>
public sealed record HeadlineMetric
{
    private HeadlineMetric(string file, string path, string? ci, string? label)
    {
        File = StageDefinition.Normalize(file);
        Path = path;
        Ci = ci;
        Label = label;
    }

    /// <summary>A metrics file as copied under metrics/ (metrics/&lt;Stage&gt;/&lt;file&gt;, or metrics/&lt;Stage&gt;/&lt;instance&gt;/&lt;file&gt;).</summary>
    public string File { get; }

    /// <summary>A dotted path into the JSON document; <c>*</c> stands for every key (or index) at its level, one column each.</summary>
    public string Path { get; }

    /// <summary>A dotted path to the value's confidence interval, a [low, high] pair; its <c>*</c>s take the values the path's matched.</summary>
    public string? Ci { get; }

    /// <summary>The column's name; each <c>*</c> is replaced by what the path's <c>*</c> matched. Default: the matched path.</summary>
    public string? Label { get; }

    public static HeadlineMetric Json(string file, string path, string? ci = null, string? label = null) => new(file, path, ci, label);

    /// <summary>Mistakes in the declarations, for the build-definition checks: a file no stage copies under metrics/, a
    /// CI path or label with more wildcards than the path.</summary>
    internal static IEnumerable<string> Problems(IReadOnlyList<HeadlineMetric> headlines, PipelineModel model)
    {
        var declared = model.Stages.SelectMany(s => s.MetricsPaths.Select(m => (Stage: s, Metrics: m))).ToList();
        foreach (var h in headlines)
        {
            var known = declared.Any(d => h.File == $"metrics/{d.Stage.Name}/{d.Metrics}"
                || (d.Stage.Axes.Count > 0 && h.File.StartsWith($"metrics/{d.Stage.Name}/", StringComparison.Ordinal) && h.File.EndsWith("/" + d.Metrics, StringComparison.Ordinal)));
            if (!known)
                yield return $"headline metric {h.File} is not a metrics file any stage declares (.Metrics); declared: {string.Join(", ", declared.Select(d => $"metrics/{d.Stage.Name}/{d.Metrics}").DefaultIfEmpty("none"))}";
            var stars = h.Path.Count(c => c == '*');
            if (h.Ci is { } ci && ci.Count(c => c == '*') != stars)
                yield return $"headline metric {h.File} {h.Path}: its ci path {ci} must have as many * as the path ({stars})";
            if (h.Label is { } label && label.Count(c => c == '*') > stars)
                yield return $"headline metric {h.File} {h.Path}: its label '{label}' has more * than the path ({stars})";
        }
    }
}
