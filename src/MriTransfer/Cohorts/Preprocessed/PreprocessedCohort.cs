using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MriTransfer.Cohorts.Splitting;
using Pipeline.Errors;

namespace MriTransfer.Cohorts.Preprocessed;

/// <summary>One row of a preprocessed cohort's index.csv (see docs/stage-contract.md).</summary>
public sealed record PreprocessedSubject(
    string SubjectId, string PatientId, string Label, string Split, string Path,
    double Mean, double Sd, double Min, double Max);

/// <summary>Reads a Preprocess stage's output folder: summary.json, index.csv, label_fractions.csv (written by <see cref="PreprocessedCohortWriter"/>).</summary>
public sealed class PreprocessedCohort(string root, PreprocessedCohortSummary summary, IReadOnlyList<PreprocessedSubject> subjects,
    IReadOnlyDictionary<string, double> labelFractions)
{
    public const string IndexFile = "index.csv", SplitsFile = "splits.csv", LabelFractionsFile = "label_fractions.csv",
        ExcludedFile = "excluded.csv";

    public string Root { get; } = root;
    public PreprocessedCohortSummary Summary { get; } = summary;
    public CohortMode Mode => Summary.Mode;
    public IReadOnlyList<string> Classes => Summary.Classes;
    public int[] Shape => Summary.Shape;
    public IReadOnlyList<PreprocessedSubject> Subjects { get; } = subjects;
    /// <summary>subject_id → smallest label fraction whose subset includes it (BT train subjects only).</summary>
    public IReadOnlyDictionary<string, double> LabelFractions { get; } = labelFractions;
    /// <summary>summary.json's <c>label_fractions</c>: the nested subsets Preprocess drew (empty for an AD cohort).</summary>
    public IReadOnlyList<double> DeclaredFractions => Summary.LabelFractions;
    public string IndexPath => System.IO.Path.Combine(Root, IndexFile);
    public string SummaryPath => System.IO.Path.Combine(Root, PreprocessedCohortSummary.FileName);

    public int ClassIndex(string label) => Classes.ToList().IndexOf(label);

    public IReadOnlyList<PreprocessedSubject> Split(string split) => Subjects.Where(s => s.Split == split).ToList();

    /// <summary>Train subjects in the nested subset for <paramref name="fraction"/> (1.0 = all train subjects).</summary>
    /// <exception cref="InputException">The fraction is not one Preprocess drew: a learning curve at 0.3 over
    /// subsets 0.25 and 0.5 would otherwise train silently on the 0.25 subset.</exception>
    public IReadOnlyList<PreprocessedSubject> TrainSubset(double fraction)
    {
        var train = Split(SplitNames.Train);
        if (fraction >= 1.0) return train;
        if (!DeclaredFractions.Any(f => Math.Abs(f - fraction) < 1e-9))
            throw new InputException(
                $"{SummaryPath}: train.label_fraction = {fraction.ToString(CultureInfo.InvariantCulture)} is not one of the label fractions this cohort was split into " +
                $"[{string.Join(", ", DeclaredFractions.Select(f => f.ToString(CultureInfo.InvariantCulture)))}]; add it to preprocess_bt.label_fractions (PreprocessBt reruns) or use one of those");
        return train.Where(s => LabelFractions.TryGetValue(s.SubjectId, out var f) && f <= fraction + 1e-9).ToList();
    }

    public string PathOf(PreprocessedSubject subject) => System.IO.Path.Combine(Root, subject.Path);

    public static PreprocessedCohort Load(string root)
    {
        var summary = PreprocessedCohortSummary.Read(System.IO.Path.Combine(root, PreprocessedCohortSummary.FileName));
        var indexPath = System.IO.Path.Combine(root, IndexFile);
        if (!File.Exists(indexPath)) throw new InputException($"{indexPath}: missing; is {root} the output of a Preprocess stage?");
        var subjects = ReadRows(indexPath, csv => new PreprocessedSubject(
            csv.GetField("subject_id")!, csv.GetField("patient_id")!, csv.GetField("label")!,
            csv.GetField("split")!, csv.GetField("path")!,
            csv.GetField<double>("mean"), csv.GetField<double>("sd"),
            csv.GetField<double>("min"), csv.GetField<double>("max")));
        var fractionsPath = System.IO.Path.Combine(root, LabelFractionsFile);
        var fractions = File.Exists(fractionsPath)
            ? ReadRows(fractionsPath, csv => (Id: csv.GetField("subject_id")!, Fraction: csv.GetField<double>("fraction")))
                .ToDictionary(r => r.Id, r => r.Fraction, StringComparer.Ordinal)
            : new Dictionary<string, double>(StringComparer.Ordinal);
        return new PreprocessedCohort(root, summary, subjects, fractions);
    }

    private static List<T> ReadRows<T>(string path, Func<CsvReader, T> row)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.ToLowerInvariant() };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        var rows = new List<T>();
        csv.Read();
        csv.ReadHeader();
        try
        {
            while (csv.Read()) rows.Add(row(csv));
        }
        catch (CsvHelperException e)
        {
            throw new InputException($"{path}: line {csv.Parser.Row}: {e.GetType().Name.Replace("Exception", "")} ({e.Message.Split('\n')[0]})", e);
        }
        return rows;
    }
}
