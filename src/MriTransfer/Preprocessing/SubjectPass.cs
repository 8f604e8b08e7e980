using System.Diagnostics;
using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using Pipeline.Errors;

namespace MriTransfer.Preprocessing;

/// <summary>
/// The one pass over a cohort's files: every subject is read once and preprocessed in parallel (memory bounded by
/// <c>preprocess.workers</c>); a subject that cannot be read or preprocessed comes back as unusable with its reason,
/// never as an exception, so every bad subject of the cohort is known after one run.
/// </summary>
internal static class SubjectPass
{
    /// <summary>results[i] for subjects[i] (null when unusable), and the unusable subjects in subject order.</summary>
    public static (SubjectResult?[] Results, IReadOnlyList<ExcludedSubject> Bad) Run(
        IReadOnlyList<CohortSubject> subjects, CohortPreprocessRequest request, Action<string>? progress)
    {
        Directory.CreateDirectory(Path.Combine(request.OutputDir, "subjects"));
        var qcChosen = QcSelection.Choose(subjects, request.Preprocess.QcPerClass, request.Split.Seed);
        var results = new SubjectResult?[subjects.Count];
        var errors = new string?[subjects.Count];
        var done = 0;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Preprocess.Workers };
        Parallel.For(0, subjects.Count, options, i =>
        {
            var subject = subjects[i];
            try { results[i] = SubjectProcessor.Run(subject, request.Preprocess, request.OutputDir, qcChosen.Contains(subject.SubjectId)); }
            catch (ImageReadException e) { errors[i] = e.Problem; }
            catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException) { errors[i] = e.Message; }
            var count = Interlocked.Increment(ref done);
            lock (errors)
                if (progress is not null && (clock.Elapsed - lastReport > TimeSpan.FromSeconds(1) || count == subjects.Count))
                {
                    lastReport = clock.Elapsed;
                    progress($"preprocessed {count}/{subjects.Count} subjects ({count / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):0.0}/s)");
                }
        });
        if (request.Preprocess.Mode == CohortMode.TwoD) FlagMixedKinds(subjects, results, errors, request.OutputDir);
        var bad = Enumerable.Range(0, subjects.Count).Where(i => errors[i] is not null)
            .Select(i => new ExcludedSubject(subjects[i].SubjectId, subjects[i].Label, subjects[i].Path, errors[i]!))
            .OrderBy(b => b.SubjectId, StringComparer.Ordinal).ToList();
        return (results, bad);
    }

    /// <summary>2-D mode needs one kind of input per cohort (every output the same number of slices): the less common kind
    /// (2-D images on a tie) is unusable.</summary>
    private static void FlagMixedKinds(IReadOnlyList<CohortSubject> subjects, SubjectResult?[] results, string?[] errors, string outputDir)
    {
        int images = results.Count(r => r is { InputWasImage: true }), volumes = results.Count(r => r is { InputWasImage: false });
        if (images == 0 || volumes == 0) return;
        var flagImages = images <= volumes;
        for (var i = 0; i < subjects.Count; i++)
        {
            if (results[i] is not { } r || r.InputWasImage != flagImages) continue;
            errors[i] = flagImages
                ? $"a 2-D image in a cohort of {volumes} 3-D volumes; 2-D mode needs one kind per cohort so every subject file has the same number of slices"
                : $"a 3-D volume in a cohort of {images} 2-D images; 2-D mode needs one kind per cohort so every subject file has the same number of slices";
            File.Delete(Path.Combine(outputDir, r.RelativePath));
            results[i] = null;
        }
    }
}
