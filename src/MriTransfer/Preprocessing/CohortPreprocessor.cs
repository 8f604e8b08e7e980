using System.Diagnostics;
using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Imaging;
using Pipeline.Errors;

namespace MriTransfer.Preprocessing;

/// <summary>Everything one Preprocess run needs.</summary>
public sealed record CohortPreprocessRequest(
    string ManifestPath, string OutputDir, PreprocessSettings Preprocess, SplitSettings Split,
    IReadOnlyList<IReadOnlyList<string>>? NearDuplicateGroups = null);

/// <summary>
/// The Preprocess stage's entry point: preprocesses every subject in parallel with memory bounded by the number of
/// workers, reading each file once (the pass also hashes each input for near-duplicate grouping), splits the cohort
/// (refusing leaks) and writes the "Preprocessed cohort" folder of docs/stage-contract.md.
/// Throws <see cref="PreprocessingException"/> or <see cref="SplitException"/> listing every bad-input problem.
/// </summary>
public static class CohortPreprocessor
{
    public static PreprocessedCohortSummary Run(CohortPreprocessRequest request, Action<string>? progress = null)
    {
        var problems = request.Preprocess.Validate().Concat(request.Split.Validate()).ToList();
        if (problems.Count > 0) throw new PreprocessingException(problems);

        IReadOnlyList<CohortSubject> subjects;
        try { subjects = CohortSource.LoadValidated(request.ManifestPath, new CohortValidationOptions { CheckReadable = false }, new CohortDiscoveryOptions { ModalitySuffix = request.Preprocess.ModalitySuffix }); }
        catch (CohortManifestException e) { throw new PreprocessingException(e.Problems.Select(p => $"{e.ManifestPath}: {p}").ToList()); }
        problems.AddRange(subjects.Where(s => !IsSafeFileName(s.SubjectId))
            .Select(s => $"{request.ManifestPath}: subject_id '{s.SubjectId}' cannot be a file name; use letters, digits, '-', '_' or '.'"));
        if (subjects.Count == 0) problems.Add($"{request.ManifestPath}: the manifest lists no subjects");
        if (problems.Count > 0) throw new PreprocessingException(problems);

        // Split before any voxel is read when the near-duplicate groups are known; otherwise this checks that the cohort
        // fits the split at all (near-duplicates only merge patients) and the split is redone once the inputs are hashed.
        var knownGroups = request.NearDuplicateGroups ?? (request.Preprocess.NearDuplicateDistance > 0 ? null : []);
        var splits = SubjectSplitter.Split(subjects, request.Split, knownGroups);
        var results = ProcessAll(subjects, request, progress);
        if (knownGroups is null)
        {
            var nearDuplicates = NearDuplicateFinder.Group(results.Select(r => r.SubjectId).ToList(), results.Select(r => r.InputHash).ToList(),
                request.Preprocess.NearDuplicateDistance);
            if (nearDuplicates.Count > 0)
                progress?.Invoke($"{nearDuplicates.Count} group(s) of near-duplicate images kept within one split: "
                    + string.Join("; ", nearDuplicates.Take(5).Select(g => string.Join(", ", g))));
            splits = SubjectSplitter.Split(subjects, request.Split, nearDuplicates);
        }
        var fractions = request.Split.Role == CohortRole.Bt
            ? LabelFractionSampler.Sample(splits, request.Split.LabelFractions, request.Split.Seed)
            : [];
        var summary = PreprocessedOutput.Write(request, subjects, splits, fractions, results);
        progress?.Invoke($"done: {subjects.Count} subjects");
        return summary;
    }

    private static SubjectResult[] ProcessAll(IReadOnlyList<CohortSubject> subjects, CohortPreprocessRequest request, Action<string>? progress)
    {
        Directory.CreateDirectory(Path.Combine(request.OutputDir, "subjects"));
        var qcChosen = QcSelection.Choose(subjects, request.Preprocess.QcPerClass, request.Split.Seed);
        var results = new SubjectResult[subjects.Count];
        var errors = new string?[subjects.Count];
        var done = 0;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Preprocess.Workers };
        Parallel.For(0, subjects.Count, options, i =>
        {
            var subject = subjects[i];
            try
            {
                results[i] = SubjectProcessor.Run(subject, request.Preprocess, request.OutputDir, qcChosen.Contains(subject.SubjectId));
            }
            catch (ImageReadException e)
            {
                errors[i] = $"{subject.Path} (subject {subject.SubjectId}): {e.Problem}";
            }
            catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
            {
                errors[i] = $"{subject.Path} (subject {subject.SubjectId}): {e.Message}";
            }
            var count = Interlocked.Increment(ref done);
            lock (errors)
                if (progress is not null && (clock.Elapsed - lastReport > TimeSpan.FromSeconds(1) || count == subjects.Count))
                {
                    lastReport = clock.Elapsed;
                    progress($"preprocessed {count}/{subjects.Count} subjects ({count / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):0.0}/s)");
                }
        });
        var problems = errors.Where(e => e is not null).Select(e => e!).ToList();
        if (problems.Count > 0) throw new PreprocessingException(problems);

        var kinds = results.GroupBy(r => r.InputWasImage).ToList();
        if (request.Preprocess.Mode == CohortMode.TwoD && kinds.Count > 1)
        {
            var images = results.Where(r => r.InputWasImage).Select(r => r.SubjectId).Take(5);
            throw new PreprocessingException(
                $"{request.ManifestPath}: the cohort mixes 2-D images (e.g. {string.Join(", ", images)}) and 3-D volumes; 2-D mode needs one kind per cohort so every subject file has the same number of slices");
        }
        return results;
    }

    private static bool IsSafeFileName(string id) =>
        id.Length > 0 && id != "." && id != ".." && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
