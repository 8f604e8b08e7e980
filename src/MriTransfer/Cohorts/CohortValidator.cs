using MriTransfer.Imaging;
using MriTransfer.Imaging.Nifti;

namespace MriTransfer.Cohorts;

/// <summary>What to check in a cohort.</summary>
public sealed record CohortValidationOptions
{
    /// <summary>The configured class list; null = accept any label (and check no class for emptiness).</summary>
    public IReadOnlyList<string>? Classes { get; init; }
    /// <summary>Report files that do not exist. Default true; false when the caller reads every file anyway and reports
    /// a missing one with the subject's other read problems.</summary>
    public bool CheckExists { get; init; } = true;
    /// <summary>Open every file (and parse NIfTI headers) to find unreadable ones. Default true.</summary>
    public bool CheckReadable { get; init; } = true;
    /// <summary>Read every image fully (slow; catches truncated voxel data too). Default false.</summary>
    public bool ReadImages { get; init; }
}

/// <summary>
/// Finds every problem of a cohort at once: missing or unreadable files, one file listed twice, one subject
/// listed twice or with two labels, labels outside the configured classes, configured classes without subjects.
/// </summary>
public static class CohortValidator
{
    public static IReadOnlyList<string> Validate(IReadOnlyList<CohortSubject> subjects, CohortValidationOptions options)
    {
        var problems = new List<string>();
        foreach (var s in subjects)
        {
            if (!options.CheckExists) continue;
            if (!File.Exists(s.Path) && !Directory.Exists(s.Path)) { problems.Add($"subject {s.SubjectId}: file {s.Path} not found"); continue; }
            if (!options.CheckReadable && !options.ReadImages) continue;
            var problem = ReadProblem(s.Path, options.ReadImages);
            if (problem is not null) problems.Add($"subject {s.SubjectId}: file {s.Path} is unreadable: {problem}");
        }

        foreach (var group in subjects.GroupBy(s => s.Path, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"file {group.Key} is listed {group.Count()} times (subjects {string.Join(", ", group.Select(s => s.SubjectId))}); each file must be one subject");

        foreach (var group in subjects.GroupBy(s => s.SubjectId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var labels = group.Select(s => s.Label).Distinct(StringComparer.Ordinal).ToList();
            problems.Add(labels.Count > 1
                ? $"subject {group.Key} has {labels.Count} labels ({string.Join(", ", labels)}); a subject must have one label"
                : $"subject {group.Key} is listed {group.Count()} times; subject ids must be unique");
        }

        if (options.Classes is { } classes)
        {
            var known = classes.ToHashSet(StringComparer.Ordinal);
            foreach (var group in subjects.Where(s => !known.Contains(s.Label)).GroupBy(s => s.Label, StringComparer.Ordinal))
                problems.Add($"label '{group.Key}' ({group.Count()} subject(s), e.g. {group.First().SubjectId}) is not one of the configured classes: {string.Join(", ", classes)}");
            var present = subjects.Select(s => s.Label).ToHashSet(StringComparer.Ordinal);
            foreach (var empty in classes.Where(c => !present.Contains(c)))
                problems.Add($"class '{empty}' is configured but has no subjects");
        }
        return problems;
    }

    private static string? ReadProblem(string path, bool full)
    {
        try
        {
            if (full) { VolumeIO.ReadFile(path); return null; }
            if (Directory.Exists(path)) return null;
            if (NiftiReader.Handles(path)) { VolumeIO.CheckHeader(path); return null; }
            using var stream = File.OpenRead(path);
            return stream.ReadByte() < 0 ? "the file is empty" : null;
        }
        catch (ImageReadException e) { return e.Problem; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return e.Message; }
    }
}
