using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Pipeline.Errors;

namespace MriTransfer.Cohorts;

/// <summary>One row of a preprocessed cohort's index.csv (see docs/stage-contract.md).</summary>
public sealed record PreprocessedSubject(
    string SubjectId, string PatientId, string Label, string Split, string Path,
    double Mean, double Sd, double Min, double Max);

/// <summary>Reads a Preprocess stage's output folder: index.csv, summary.json, label_fractions.csv.</summary>
public sealed class PreprocessedCohort
{
    private PreprocessedCohort(string root, string mode, IReadOnlyList<string> classes, int[] shape,
        IReadOnlyList<PreprocessedSubject> subjects, IReadOnlyDictionary<string, double> fractions, IReadOnlyList<double> declaredFractions)
    {
        DeclaredFractions = declaredFractions;
        Root = root;
        Mode = mode;
        Classes = classes;
        Shape = shape;
        Subjects = subjects;
        LabelFractions = fractions;
    }

    public string Root { get; }
    /// <summary>"3d" or "2d".</summary>
    public string Mode { get; }
    public IReadOnlyList<string> Classes { get; }
    public int[] Shape { get; }
    public IReadOnlyList<PreprocessedSubject> Subjects { get; }
    /// <summary>subject_id → smallest label fraction whose subset includes it (BT train subjects only).</summary>
    public IReadOnlyDictionary<string, double> LabelFractions { get; }
    /// <summary>summary.json's <c>label_fractions</c>: the nested subsets Preprocess drew (empty for an AD cohort).</summary>
    public IReadOnlyList<double> DeclaredFractions { get; }

    public int ClassIndex(string label) => Classes.ToList().IndexOf(label);

    public IReadOnlyList<PreprocessedSubject> Split(string split) => Subjects.Where(s => s.Split == split).ToList();

    /// <summary>Train subjects in the nested subset for <paramref name="fraction"/> (1.0 = all train subjects).</summary>
    /// <exception cref="InputException">The fraction is not one Preprocess drew: a learning curve at 0.3 over
    /// subsets 0.25 and 0.5 would otherwise train silently on the 0.25 subset.</exception>
    public IReadOnlyList<PreprocessedSubject> TrainSubset(double fraction)
    {
        var train = Split("train");
        if (fraction >= 1.0) return train;
        if (!DeclaredFractions.Any(f => Math.Abs(f - fraction) < 1e-9))
            throw new InputException(
                $"{System.IO.Path.Combine(Root, "summary.json")}: train.label_fraction = {fraction.ToString(CultureInfo.InvariantCulture)} is not one of the label fractions this cohort was split into " +
                $"[{string.Join(", ", DeclaredFractions.Select(f => f.ToString(CultureInfo.InvariantCulture)))}]; add it to preprocess_bt.label_fractions (PreprocessBt reruns) or use one of those");
        return train.Where(s => LabelFractions.TryGetValue(s.SubjectId, out var f) && f <= fraction + 1e-9).ToList();
    }

    public string PathOf(PreprocessedSubject subject) => System.IO.Path.Combine(Root, subject.Path);

    public static PreprocessedCohort Load(string root)
    {
        var summaryPath = System.IO.Path.Combine(root, "summary.json");
        var indexPath = System.IO.Path.Combine(root, "index.csv");
        foreach (var required in new[] { summaryPath, indexPath })
            if (!File.Exists(required))
                throw new InputException($"{required}: missing; is {root} the output of a Preprocess stage?");

        using var summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
        var mode = summary.RootElement.GetProperty("mode").GetString() ?? "3d";
        var classes = summary.RootElement.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToList();
        var shape = summary.RootElement.GetProperty("shape").EnumerateArray().Select(c => c.GetInt32()).ToArray();
        var declared = summary.RootElement.TryGetProperty("label_fractions", out var listed)
            ? listed.EnumerateArray().Select(f => f.GetDouble()).ToList()
            : [];

        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.ToLowerInvariant() };
        List<PreprocessedSubject> subjects;
        using (var reader = new StreamReader(indexPath))
        using (var csv = new CsvReader(reader, config))
        {
            subjects = [];
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
                subjects.Add(new PreprocessedSubject(
                    csv.GetField("subject_id")!, csv.GetField("patient_id")!, csv.GetField("label")!,
                    csv.GetField("split")!, csv.GetField("path")!,
                    csv.GetField<double>("mean"), csv.GetField<double>("sd"),
                    csv.GetField<double>("min"), csv.GetField<double>("max")));
        }

        var fractions = new Dictionary<string, double>(StringComparer.Ordinal);
        var fractionsPath = System.IO.Path.Combine(root, "label_fractions.csv");
        if (File.Exists(fractionsPath))
        {
            using var reader = new StreamReader(fractionsPath);
            using var csv = new CsvReader(reader, config);
            csv.Read();
            csv.ReadHeader();
            while (csv.Read()) fractions[csv.GetField("subject_id")!] = csv.GetField<double>("fraction");
        }
        return new PreprocessedCohort(root, mode, classes, shape, subjects, fractions, declared);
    }
}
