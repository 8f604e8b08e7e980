using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Imaging;

namespace MriTransfer.Tests.Cohorts;

/// <summary>
/// Writes a preprocessed cohort folder for tests through the format's own writer: one volume per subject under
/// subjects/, then index.csv, splits.csv, label_fractions.csv and summary.json (a BT cohort, so every file exists).
/// </summary>
public static class PreprocessedCohortFixture
{
    /// <summary>A subject of the fixture: its split, class, voxels, and the label fraction whose subset it is in (train only).</summary>
    public sealed record Subject(string Id, string Split, string Label, float[] Data, double Fraction);

    /// <param name="writeVolume">false leaves a subject's file out (to prove a stage never reads it).</param>
    public static void Write(string root, CohortMode mode, IReadOnlyList<string> classes, int[] shape, double spacing,
        IReadOnlyList<Subject> subjects, IReadOnlyList<double> labelFractions, Func<Subject, bool>? writeVolume = null)
    {
        Directory.CreateDirectory(Path.Combine(root, "subjects"));
        var index = new List<PreprocessedSubject>();
        foreach (var s in subjects)
        {
            var path = $"subjects/{s.Id}.nii.gz";
            if (writeVolume?.Invoke(s) ?? true)
                VolumeIO.WriteNifti(new Volume(s.Data, shape, [spacing, spacing, spacing], Volume.DiagonalAffine(spacing, spacing, spacing)), Path.Combine(root, path));
            index.Add(new PreprocessedSubject(s.Id, s.Id, s.Label, s.Split, path, s.Data.Average(), 1, s.Data.Min(), s.Data.Max()));
        }
        var counts = subjects.GroupBy(s => s.Split).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<string, int>)classes.ToDictionary(c => c, c => g.Count(s => s.Label == c)));
        var summary = new PreprocessedCohortSummary(mode, CohortRole.Bt, classes, shape, [spacing, spacing, spacing], counts,
            new Dictionary<string, int> { ["RAS"] = subjects.Count }, 0, labelFractions);
        PreprocessedCohortWriter.Write(root, summary, index,
            subjects.Select(s => new SplitAssignment(s.Id, s.Id, s.Label, s.Split, null, s.Id)).ToList(),
            subjects.Where(s => s.Split == SplitNames.Train).Select(s => new LabelFractionRow(s.Id, s.Fraction)).ToList());
    }
}
