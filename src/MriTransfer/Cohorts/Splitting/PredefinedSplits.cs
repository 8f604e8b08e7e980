namespace MriTransfer.Cohorts.Splitting;

/// <summary>Reads a manifest's predefined split (e.g. Kaggle Training/Testing folders) and checks no group straddles it.</summary>
internal static class PredefinedSplits
{
    /// <summary>Group id → split, or null when no subject carries a predefined split. Problems are added, not thrown.</summary>
    public static Dictionary<string, string>? Read(List<SubjectGroup> groups, CohortRole role, List<string> problems)
    {
        var subjects = groups.SelectMany(g => g.Members).ToList();
        var given = subjects.Where(s => !string.IsNullOrWhiteSpace(s.PredefinedSplit)).ToList();
        if (given.Count == 0) return null;
        if (given.Count < subjects.Count)
        {
            var missing = subjects.Where(s => string.IsNullOrWhiteSpace(s.PredefinedSplit)).Select(s => s.SubjectId).ToList();
            problems.Add($"a predefined split is given for {given.Count} of {subjects.Count} subjects; give it for all or none (missing for: {Shorten(missing)})");
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var splits = new List<(CohortSubject Subject, string Split)>();
            foreach (var member in group.Members)
            {
                var name = Normalise(member.PredefinedSplit!, role);
                if (name is null)
                    problems.Add($"subject {member.SubjectId}: predefined split '{member.PredefinedSplit}' is not one of train/training, val/validation, test/testing");
                else splits.Add((member, name));
            }
            var distinct = splits.Select(s => s.Split).Distinct().ToList();
            if (distinct.Count > 1)
                problems.Add($"{group.Describe()} would fall into two splits under the predefined split: " +
                             $"{string.Join(", ", splits.Select(s => $"{s.Subject.SubjectId} ({s.Split})"))}; a patient and its near-duplicates must be in one split — fix the manifest's split column");
            else if (distinct.Count == 1) result[group.Id] = distinct[0];
        }
        return result;
    }

    /// <summary>train/val/test, with common spellings; an AD cohort (train/val only) turns predefined test into val.</summary>
    private static string? Normalise(string value, CohortRole role)
    {
        var name = value.Trim().ToLowerInvariant() switch
        {
            "train" or "training" => SplitNames.Train,
            "val" or "valid" or "validation" => SplitNames.Val,
            "test" or "testing" => SplitNames.Test,
            _ => null,
        };
        return role == CohortRole.Ad && name == SplitNames.Test ? SplitNames.Val : name;
    }

    private static string Shorten(List<string> ids) => ids.Count <= 10 ? string.Join(", ", ids) : string.Join(", ", ids.Take(10)) + $" and {ids.Count - 10} more";
}
