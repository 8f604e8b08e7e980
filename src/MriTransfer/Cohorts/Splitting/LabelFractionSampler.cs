using MriTransfer.Randomness;

namespace MriTransfer.Cohorts.Splitting;

/// <summary>One row of label_fractions.csv: the smallest configured fraction whose training subset includes the subject.</summary>
public sealed record LabelFractionRow(string SubjectId, double Fraction);

/// <summary>
/// Nested, stratified, deterministic subsets of the training subjects for learning curves: per class, patient
/// groups are put in one seeded order and the subset for fraction f is the shortest prefix holding
/// round(f·n) subjects (at least one group), so smaller subsets are always inside larger ones.
/// </summary>
public static class LabelFractionSampler
{
    public static IReadOnlyList<LabelFractionRow> Sample(IReadOnlyList<SplitAssignment> splits, IReadOnlyList<double> fractions, int seed)
    {
        var ascending = fractions.Distinct().Order().ToList();
        var rows = new List<LabelFractionRow>();
        var train = splits.Where(s => s.Split == SplitNames.Train).ToList();
        foreach (var byClass in train.GroupBy(s => s.Label).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var groups = byClass.GroupBy(s => s.GroupId).Select(g => g.ToList()).OrderBy(g => g[0].GroupId, StringComparer.Ordinal);
            var ordered = SeededRandom.ForSplits(seed, byClass.Key + "/fractions").Shuffle(groups);
            var total = byClass.Count();
            var taken = 0;
            var next = 0; // index into ascending fractions
            foreach (var group in ordered)
            {
                while (next < ascending.Count && taken >= Target(ascending[next], total)) next++;
                if (next == ascending.Count) break;
                rows.AddRange(group.Select(s => new LabelFractionRow(s.SubjectId, ascending[next])));
                taken += group.Count;
            }
        }
        return rows.OrderBy(r => r.SubjectId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Subjects of a class in the subset for <paramref name="fraction"/>: round(f·n), at least one.</summary>
    public static int Target(double fraction, int classSize) => SubjectSplitter.AtLeastOne(fraction * classSize);
}
