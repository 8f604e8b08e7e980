using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;

namespace MriTransfer.Preprocessing;

/// <summary>The cohort files of one Preprocess run (through <see cref="PreprocessedCohortWriter"/>), its qc.png and excluded.csv
/// (subject_id, label, path relative to the cohort, reason; header only when no subject was left out).</summary>
internal static class PreprocessedOutput
{
    public static PreprocessedCohortSummary Write(
        CohortPreprocessRequest request, IReadOnlyList<CohortSubject> subjects, IReadOnlyList<SplitAssignment> splits,
        IReadOnlyList<LabelFractionRow> fractions, SubjectResult[] results, IReadOnlyList<ExcludedSubject> excluded, string cohortRoot)
    {
        var byId = results.ToDictionary(r => r.SubjectId, StringComparer.Ordinal);
        var classes = subjects.Select(s => s.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = splits.Select(s =>
        {
            var r = byId[s.SubjectId];
            return new PreprocessedSubject(s.SubjectId, s.PatientId, s.Label, s.Split, r.RelativePath, r.Mean, r.Sd, r.Min, r.Max);
        }).ToList();
        var first = results[0];
        var summary = new PreprocessedCohortSummary(
            request.Preprocess.Mode, request.Split.Role,
            classes, first.Shape, first.Spacing.Select(s => Math.Round(s, 6)).ToArray(),
            new[] { SplitNames.Train, SplitNames.Val, SplitNames.Test }
                .Where(split => splits.Any(s => s.Split == split))
                .ToDictionary(split => split, split => (IReadOnlyDictionary<string, int>)classes.ToDictionary(c => c, c => splits.Count(s => s.Split == split && s.Label == c))),
            results.GroupBy(r => r.InputOrientation).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            request.Split.Seed,
            request.Split.Role == CohortRole.Bt ? request.Split.LabelFractions.Order().ToList() : [], excluded.Count);
        PreprocessedCohortWriter.Write(request.OutputDir, summary, index, splits, fractions);
        PreprocessedCohortWriter.WriteCsv(Path.Combine(request.OutputDir, PreprocessedCohort.ExcludedFile), ["subject_id", "label", "path", "reason"],
            excluded.OrderBy(e => e.SubjectId, StringComparer.Ordinal)
                .Select(e => new[] { e.SubjectId, e.Label, Path.GetRelativePath(cohortRoot, e.Path).Replace('\\', '/'), e.Reason }));

        var qc = classes
            .Select(c => (c, (IReadOnlyList<QcSlices>)subjects.Where(s => s.Label == c).OrderBy(s => s.SubjectId, StringComparer.Ordinal)
                .Select(s => byId[s.SubjectId].Qc).OfType<QcSlices>().ToList()))
            .ToList();
        QcMontage.Write(Path.Combine(request.OutputDir, "qc.png"), qc);
        return summary;
    }
}
