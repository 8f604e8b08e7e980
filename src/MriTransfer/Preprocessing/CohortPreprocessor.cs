using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;

namespace MriTransfer.Preprocessing;

/// <summary>Everything one Preprocess run needs.</summary>
public sealed record CohortPreprocessRequest(
    string ManifestPath, string OutputDir, PreprocessSettings Preprocess, SplitSettings Split,
    IReadOnlyList<IReadOnlyList<string>>? NearDuplicateGroups = null);

/// <summary>
/// The Preprocess stage's entry point, and the cohort's one bad-input path: collects every problem of the manifest or
/// folders (malformed rows, duplicate or unsafe ids, empty class folders, a one-class BT cohort, too few subjects for
/// the split), then preprocesses every subject in parallel reading each file once (memory bounded by the workers; the
/// pass also hashes each input for near-duplicate grouping), passes unusable subjects through the quality gate
/// (<see cref="SubjectQualityGate"/>), and throws one <see cref="PreprocessingException"/> listing everything — or
/// splits the kept subjects (refusing leaks) and writes the "Preprocessed cohort" folder of docs/stage-contract.md
/// with excluded.csv.
/// </summary>
public static class CohortPreprocessor
{
    /// <param name="progress">the live progress line.</param>
    /// <param name="log">lines that stay (the stage log): the excluded subjects, one per line, at the end.</param>
    public static PreprocessedCohortSummary Run(CohortPreprocessRequest request, Action<string>? progress = null, Action<string>? log = null)
    {
        var settings = request.Preprocess;
        var problems = settings.Validate().Concat(request.Split.Validate()).ToList();
        if (problems.Count > 0) throw new PreprocessingException(problems);

        var source = CohortSource.SourceName(request.ManifestPath);
        var (listed, subjects) = ListSubjects(request, problems);
        problems.AddRange(CohortChecks.Shape(subjects, request.Split));
        var (results, bad) = SubjectPass.Run(subjects, request, progress);
        var all = problems.Select(p => $"{source}: {p}").Concat(SubjectQualityGate.Judge(bad, listed, settings)).ToList();
        if (all.Count > 0) throw new PreprocessingException(all);

        var excluded = bad.ToList();
        var kept = Enumerable.Range(0, subjects.Count).Where(i => results[i] is not null).ToList();
        var groups = request.NearDuplicateGroups;
        if (groups is null && settings.NearDuplicateDistance > 0)
        {
            groups = NearDuplicateFinder.Group(kept.Select(i => subjects[i].SubjectId).ToList(), kept.Select(i => results[i]!.InputHash).ToList(),
                settings.NearDuplicateDistance);
            var (dropped, straddle) = PredefinedSplitDuplicates.Resolve(subjects, groups, settings, CohortRoot(request.ManifestPath));
            if (straddle.Count > 0) throw new PreprocessingException(straddle.Select(p => $"{source}: {p}").ToList());
            if (dropped.Count > 0)
            {
                var ids = dropped.Select(d => d.SubjectId).ToHashSet(StringComparer.Ordinal);
                foreach (var i in kept.Where(i => ids.Contains(subjects[i].SubjectId)))
                    File.Delete(Path.Combine(request.OutputDir, results[i]!.RelativePath));
                kept = kept.Where(i => !ids.Contains(subjects[i].SubjectId)).ToList();
                groups = groups.Select(g => (IReadOnlyList<string>)g.Where(id => !ids.Contains(id)).ToList()).Where(g => g.Count > 1).ToList();
                excluded.AddRange(dropped);
            }
            if (groups.Count > 0)
                progress?.Invoke($"{groups.Count} group(s) of near-duplicate images kept within one split: "
                    + string.Join("; ", groups.Take(5).Select(g => string.Join(", ", g))));
        }
        var keptSubjects = kept.Select(i => subjects[i]).ToList();
        if (excluded.Count > 0 && CohortChecks.Shape(keptSubjects, request.Split) is { Count: > 0 } after)
            throw new PreprocessingException(after.Select(p => $"{source}: after excluding {excluded.Count} subject(s) (excluded.csv lists them): {p}").ToList());

        var splits = SubjectSplitter.Split(keptSubjects, request.Split, groups ?? []);
        var fractions = request.Split.Role == CohortRole.Bt
            ? LabelFractionSampler.Sample(splits, request.Split.LabelFractions, request.Split.Seed)
            : [];
        var summary = PreprocessedOutput.Write(request, keptSubjects, splits, fractions, kept.Select(i => results[i]!).ToArray(), excluded, CohortRoot(request.ManifestPath));
        progress?.Invoke(excluded.Count > 0 ? $"done: {keptSubjects.Count} subjects, {excluded.Count} excluded (excluded.csv)" : $"done: {keptSubjects.Count} subjects");
        if (excluded.Count > 0 && log is not null)
        {
            log($"excluded {excluded.Count} of {listed} subjects (listed in excluded.csv; preprocess.on_bad_subject, preprocess.max_excluded_fraction):");
            foreach (var e in excluded.OrderBy(e => e.SubjectId, StringComparer.Ordinal)) log($"  {e.SubjectId} ({e.Path}): {e.Reason}");
        }
        return summary;
    }

    /// <summary>Every listed subject (count) and those that can be processed: well-formed, unique, safe ids. Problems are added.</summary>
    private static (int Listed, IReadOnlyList<CohortSubject> Subjects) ListSubjects(CohortPreprocessRequest request, List<string> problems)
    {
        IReadOnlyList<CohortSubject> listed;
        try { listed = CohortSource.Load(request.ManifestPath, new CohortDiscoveryOptions { ModalitySuffix = request.Preprocess.ModalitySuffix }, problems); }
        catch (CohortManifestException e) { throw new PreprocessingException(e.Problems.Select(p => $"{e.ManifestPath}: {p}").ToList()); }
        problems.AddRange(CohortValidator.Validate(listed, new CohortValidationOptions { CheckExists = false, CheckReadable = false }));
        problems.AddRange(listed.Where(s => !IsSafeFileName(s.SubjectId))
            .Select(s => $"subject_id '{s.SubjectId}' cannot be a file name; use letters, digits, '-', '_' or '.'"));
        if (listed.Count == 0) problems.Add("the cohort lists no subjects");
        var unique = listed.Where(s => IsSafeFileName(s.SubjectId)).GroupBy(s => s.SubjectId, StringComparer.Ordinal)
            .Where(g => g.Count() == 1).Select(g => g.First()).ToHashSet();
        return (listed.Count, listed.Where(unique.Contains).ToList());
    }

    private static string CohortRoot(string path) =>
        File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path))! : Path.GetFullPath(path);

    private static bool IsSafeFileName(string id) =>
        id.Length > 0 && id != "." && id != ".." && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
