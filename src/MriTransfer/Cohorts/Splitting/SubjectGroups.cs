namespace MriTransfer.Cohorts.Splitting;

/// <summary>Subjects that must stay in one split: the same patient, or linked through a near-duplicate group.</summary>
internal sealed record SubjectGroup(string Id, IReadOnlyList<CohortSubject> Members, string Label)
{
    public int Size => Members.Count;

    public string Describe() =>
        Members.Select(m => m.PatientId).Distinct().Count() == 1
            ? $"patient {Members[0].PatientId} (subjects {string.Join(", ", Members.Select(m => m.SubjectId))})"
            : $"near-duplicate group of patients {string.Join(", ", Members.Select(m => m.PatientId).Distinct())} (subjects {string.Join(", ", Members.Select(m => m.SubjectId))})";
}

internal static class SubjectGroups
{
    /// <summary>
    /// Unions subjects by patient id and by near-duplicate group (union-find), in subject-id order so the result
    /// does not depend on manifest order. A group's label is its most frequent one (ties: first in ordinal order).
    /// </summary>
    public static List<SubjectGroup> Build(IReadOnlyList<CohortSubject> subjects, IReadOnlyList<IReadOnlyList<string>>? nearDuplicates, List<string> problems)
    {
        var ordered = subjects.OrderBy(s => s.SubjectId, StringComparer.Ordinal).ToList();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++) position[ordered[i].SubjectId] = i;
        var parent = Enumerable.Range(0, ordered.Count).ToArray();

        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }

        var firstOfPatient = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
            if (!firstOfPatient.TryAdd(ordered[i].PatientId, i)) Union(firstOfPatient[ordered[i].PatientId], i);

        foreach (var group in nearDuplicates ?? [])
        {
            var unknown = group.Where(id => !position.ContainsKey(id)).ToList();
            if (unknown.Count > 0)
                problems.Add($"near-duplicate group [{string.Join(", ", group)}] names subjects not in the manifest: {string.Join(", ", unknown)}");
            var known = group.Where(position.ContainsKey).Select(id => position[id]).ToList();
            for (var k = 1; k < known.Count; k++) Union(known[0], known[k]);
        }

        return Enumerable.Range(0, ordered.Count)
            .GroupBy(Find)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var members = g.Select(i => ordered[i]).ToList();
                var label = members.GroupBy(m => m.Label).OrderByDescending(l => l.Count()).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key;
                return new SubjectGroup(members[0].SubjectId, members, label);
            })
            .ToList();
    }
}
