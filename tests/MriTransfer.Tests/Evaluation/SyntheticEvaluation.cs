using System.Globalization;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Evaluation;
using MriTransfer.Imaging;
using MriTransfer.Models;

namespace MriTransfer.Tests.Evaluation;

/// <summary>
/// A tiny, fully deterministic stand-in for the pipeline's upstream outputs: a preprocessed cohort folder
/// (index.csv + summary.json; volumes generated from the subject number instead of read from disk), fake
/// classifiers whose answers depend only on the subject, fake encoder features and a fake autoencoder.
/// </summary>
public sealed class SyntheticEvaluation : IDisposable
{
    public static readonly string[] Classes = ["glioma", "meningioma", "no_tumor"];

    public SyntheticEvaluation(int testPerClass = 4, IReadOnlyList<string>? testClasses = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "mt-eval-" + Guid.NewGuid().ToString("N")[..8]);
        var rows = new List<(string Id, string Label, string Split)>();
        var number = 0;
        foreach (var split in new[] { "train", "val", "test" })
            foreach (var label in split == "test" ? testClasses ?? Classes : Classes)
                for (var i = 0; i < (split == "test" ? testPerClass : 4); i++)
                    rows.Add(($"sub-{++number:D3}", label, split));
        Bt = WriteCohort(Path.Combine(Root, "bt"), rows);
        Ad = WriteCohort(Path.Combine(Root, "ad"),
            Enumerable.Range(1, 6).Select(i => ($"ad-{i:D3}", i % 2 == 0 ? "AD" : "CN", i <= 4 ? "val" : "train")).ToList(), ["AD", "CN"]);
    }

    public string Root { get; }
    public PreprocessedCohort Bt { get; }
    public PreprocessedCohort Ad { get; }

    /// <summary>Right on subjects whose number is not a multiple of <c>every</c> (then says the next class); confident 0.6.</summary>
    public static Func<Volume, float[]> WrongEvery(int every) => v =>
    {
        var (label, number) = Decode(v);
        var said = number % every == 0 ? (label + 1) % 3 : label;
        var p = new float[3];
        for (var c = 0; c < 3; c++) p[c] = c == said ? 0.6f : 0.2f;
        p[(said + 2) % 3] += (number % 5) * 0.01f; // vary scores so AUC is not all ties
        p[said] -= (number % 5) * 0.01f;
        return p;
    };

    public static Func<Volume, float[]> Constant => _ => [0.4f, 0.35f, 0.25f];

    public EvaluateServices Services(IReadOnlyDictionary<string, Func<Volume, float[]>> classifiers) => new(
        dir => new FakeClassifier(classifiers[Path.GetFileName(dir)], Classes),
        (_, volumes) => volumes.Select(v => { var (l, n) = Decode(v); return new[] { l + (n % 3) * 0.1f, n % 2, 1f }; }).ToArray(),
        (_, v) => v.WithData(v.Data.Select(x => x * 0.9f).ToArray()),
        ReadVolume);

    public EvaluateInputs Inputs(IEnumerable<string> variants, bool transfer = true) => new(
        Bt, variants.ToDictionary(v => v, v => Path.Combine(Root, "models", v)),
        transfer ? Path.Combine(Root, "encoder") : null, transfer ? Path.Combine(Root, "pretrain") : null, transfer ? Ad : null);

    public string NewOutputDir() => Directory.CreateDirectory(Path.Combine(Root, "out-" + Guid.NewGuid().ToString("N")[..6])).FullName;

    /// <summary>Volume of a subject file: voxel 0 = class index, voxel 1 = subject number, the rest a smooth pattern.</summary>
    private static Volume ReadVolume(string path)
    {
        var id = Path.GetFileName(path).Replace(".nii.gz", "");
        var number = int.Parse(id[4..], CultureInfo.InvariantCulture);
        var label = int.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture);
        var v = Volume.Create(4, 4, 2);
        for (var i = 0; i < v.Data.Length; i++) v.Data[i] = (float)Math.Sin(i + number);
        v.Data[0] = label;
        v.Data[1] = number;
        return v;
    }

    private static (int Label, int Number) Decode(Volume v) => ((int)v.Data[0], (int)v.Data[1]);

    private static PreprocessedCohort WriteCohort(string dir, IReadOnlyList<(string Id, string Label, string Split)> rows, string[]? classes = null)
    {
        classes ??= Classes;
        Directory.CreateDirectory(Path.Combine(dir, "subjects"));
        // the fake volume file holds only the class index; ReadVolume builds the voxels from it
        foreach (var (id, label, _) in rows)
            File.WriteAllText(Path.Combine(dir, "subjects", id + ".nii.gz"), Array.IndexOf(classes, label).ToString(CultureInfo.InvariantCulture));
        var role = classes == Classes ? CohortRole.Bt : CohortRole.Ad;
        var summary = new PreprocessedCohortSummary(CohortMode.ThreeD, role, classes, [4, 4, 2], [1, 1, 1],
            new Dictionary<string, IReadOnlyDictionary<string, int>>(), new Dictionary<string, int>(), 0, role == CohortRole.Bt ? [1.0] : []);
        PreprocessedCohortWriter.Write(dir, summary,
            rows.Select(r => new PreprocessedSubject(r.Id, "p-" + r.Id, r.Label, r.Split, $"subjects/{r.Id}.nii.gz", 0, 1, 0, 1)).ToList(),
            rows.Select(r => new SplitAssignment(r.Id, "p-" + r.Id, r.Label, r.Split, null, r.Id)).ToList(), []);
        return PreprocessedCohort.Load(dir);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private sealed class FakeClassifier(Func<Volume, float[]> predict, IReadOnlyList<string> classes) : ISubjectClassifier
    {
        public string Kind => "fake";
        public IReadOnlyList<string> Classes => classes;
        public float[] PredictProbabilities(Volume subject) => predict(subject);
        public void Dispose() { }
    }
}
