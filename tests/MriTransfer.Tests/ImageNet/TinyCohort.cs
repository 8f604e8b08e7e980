using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Tests.Cohorts;

namespace MriTransfer.Tests.ImageNet;

/// <summary>
/// Writes a tiny preprocessed cohort folder (docs/stage-contract.md "Preprocessed cohort") in a temp folder:
/// class "tumour" volumes carry a bright blob at the centre, class "healthy" ones do not.
/// 3-D mode: volumes of size³; 2-D mode: (size, size, slices) stacks.
/// </summary>
public sealed class TinyCohort : IDisposable
{
    public static readonly string[] Classes = ["healthy", "tumour"];

    public TinyCohort(CohortMode mode = CohortMode.ThreeD, int size = 16, int slices2d = 3, int trainPerClass = 3, int valPerClass = 2, int testPerClass = 1)
    {
        Root = Path.Combine(Path.GetTempPath(), $"imagenet-cohort-{Guid.NewGuid():N}");
        var random = new Random(7);
        var subjects = new List<PreprocessedCohortFixture.Subject>();
        foreach (var (split, count) in new[] { ("train", trainPerClass), ("val", valPerClass), ("test", testPerClass) })
            for (var i = 0; i < count; i++)
                foreach (var label in Classes)
                    subjects.Add(new PreprocessedCohortFixture.Subject($"sub-{subjects.Count:D3}", split, label,
                        MakeVolume(mode, size, slices2d, label == "tumour", random).Data, i == 0 ? 0.25 : 1.0));
        int[] shape = mode == CohortMode.ThreeD ? [size, size, size] : [size, size, slices2d];
        PreprocessedCohortFixture.Write(Root, mode, Classes, shape, 1, subjects, [0.25, 1]);
    }

    public string Root { get; }

    public string SubjectPath(int index) => Path.Combine(Root, "subjects", $"sub-{index:D3}.nii.gz");

    private static Volume MakeVolume(CohortMode mode, int size, int slices2d, bool tumour, Random random)
    {
        var nz = mode == CohortMode.ThreeD ? size : slices2d;
        var volume = Volume.Create(size, size, nz);
        var c = (size - 1) / 2.0;
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < size; y++)
                for (var x = 0; x < size; x++)
                {
                    var dz = mode == CohortMode.ThreeD ? z - (nz - 1) / 2.0 : 0;
                    var r = Math.Sqrt((x - c) * (x - c) + (y - c) * (y - c) + dz * dz);
                    var brain = r < size * 0.45 ? 1.0 : -1.5;
                    var blob = tumour && r < size * 0.2 ? 2.0 : 0.0;
                    volume[x, y, z] = (float)(brain + blob + 0.1 * (random.NextDouble() - 0.5));
                }
        return volume;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
