namespace Pipeline.Engine.Execution;

/// <summary>
/// Scheduling priorities: an instance's priority is the estimated time of the longest path from it to the end of the
/// run, its own time included (its "bottom level"), so the stage that the most work waits on starts first. An instance
/// that will not run costs nothing; one without a past duration costs the median of the known ones (one second when
/// none is known, which makes the priority the number of stages on the longest path below it).
/// </summary>
internal static class CriticalPath
{
    /// <summary>A node of the graph: its upstream ids (nodes listed upstream first) and its estimated cost in seconds
    /// (null = not known).</summary>
    internal sealed record Node(string Id, IReadOnlyList<string> Upstream, double? Seconds);

    public static Dictionary<string, double> Priorities(IReadOnlyList<Node> nodes)
    {
        var known = nodes.Select(n => n.Seconds).OfType<double>().Where(s => s > 0).Order().ToList();
        var fallback = known.Count == 0 ? 1.0 : known[known.Count / 2];
        var children = nodes.ToDictionary(n => n.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var node in nodes)
            foreach (var up in node.Upstream.Distinct())
                if (children.TryGetValue(up, out var list)) list.Add(node.Id);
        var level = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            var node = nodes[i];
            var below = children[node.Id].Select(c => level.GetValueOrDefault(c)).DefaultIfEmpty(0).Max();
            level[node.Id] = (node.Seconds ?? fallback) + below;
        }
        return level;
    }

    /// <summary>The nodes of stage instances in run order, each costing what <paramref name="seconds"/> says.</summary>
    public static List<Node> NodesOf(IReadOnlyList<StageInstance> instances, Func<StageInstance, double?> seconds) =>
        instances.Select(i => new Node(i.Id, i.Inputs.Select(x => x.UpstreamId).OfType<string>().Distinct().ToList(), seconds(i))).ToList();
}
