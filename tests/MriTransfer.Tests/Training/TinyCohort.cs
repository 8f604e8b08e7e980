using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Tests.Cohorts;

namespace MriTransfer.Tests.Training;

/// <summary>
/// Writes a tiny preprocessed cohort folder (the Preprocess stage's contract, through its writer) in a temp dir. Class k's volumes carry a bright cube whose size grows with k, so
/// the classes are learnable. Test subjects' files can be left out to prove a stage never reads them.
/// </summary>
public sealed class TinyCohort : IDisposable
{
    public TinyCohort(string[] classes, int trainPerClass, int valPerClass, int testPerClass = 1, CohortMode mode = CohortMode.ThreeD,
        int[]? shape = null, int seed = 1, bool writeTestVolumes = true, Func<string, int, float[], float[]>? alter = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "mrit-cohort-" + Guid.NewGuid().ToString("N"));
        Shape = shape ?? [16, 16, 16];
        var random = new Random(seed);
        var subjects = new List<PreprocessedCohortFixture.Subject>();
        foreach (var (split, count) in new[] { ("train", trainPerClass), ("val", valPerClass), ("test", testPerClass) })
            for (var c = 0; c < classes.Length; c++)
                for (var i = 0; i < count; i++)
                {
                    var id = $"sub-{subjects.Count:D3}";
                    var data = Pattern(c, random);
                    if (alter is not null) data = alter(id, subjects.Count, data);
                    subjects.Add(new PreprocessedCohortFixture.Subject(id, split, classes[c], data, i == 0 ? 0.5 : 1.0));
                    SubjectIds.Add(id);
                }
        PreprocessedCohortFixture.Write(Root, mode, classes, Shape, 3, subjects, [0.5, 1], s => s.Split != "test" || writeTestVolumes);
    }

    public string Root { get; }
    public int[] Shape { get; }
    public List<string> SubjectIds { get; } = [];

    private float[] Pattern(int classIndex, Random random)
    {
        var data = new float[Shape[0] * Shape[1] * Shape[2]];
        for (var i = 0; i < data.Length; i++) data[i] = (float)(random.NextDouble() * 0.2 - 0.1);
        var half = 2 + 2 * classIndex;
        int cx = Shape[0] / 2, cy = Shape[1] / 2;
        for (var z = 0; z < Shape[2]; z++)
            for (var y = cy - half; y < cy + half; y++)
                for (var x = cx - half; x < cx + half; x++)
                    if (x >= 0 && y >= 0 && x < Shape[0] && y < Shape[1]) data[x + Shape[0] * (y + Shape[1] * z)] += 1f;
        return data;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A temp folder deleted after the test.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mrit-" + Guid.NewGuid().ToString("N"));

    public TempDir() => Directory.CreateDirectory(Path);

    public string Sub(string name)
    {
        var p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(p);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
