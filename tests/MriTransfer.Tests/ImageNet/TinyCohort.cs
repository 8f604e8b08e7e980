using System.Globalization;
using MriTransfer.Imaging;

namespace MriTransfer.Tests.ImageNet;

/// <summary>
/// Writes a tiny preprocessed cohort folder (docs/stage-contract.md "Preprocessed cohort") in a temp folder:
/// class "tumour" volumes carry a bright blob at the centre, class "healthy" ones do not.
/// 3-D mode: volumes of size³; 2-D mode: (size, size, slices) stacks.
/// </summary>
public sealed class TinyCohort : IDisposable
{
    public static readonly string[] Classes = ["healthy", "tumour"];

    public TinyCohort(string mode = "3d", int size = 16, int slices2d = 3, int trainPerClass = 3, int valPerClass = 2, int testPerClass = 1)
    {
        Root = Path.Combine(Path.GetTempPath(), $"imagenet-cohort-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(Root, "subjects"));
        var rows = new List<string> { "subject_id,patient_id,label,split,path,mean,sd,min,max" };
        var fractions = new List<string> { "subject_id,fraction" };
        var random = new Random(7);
        var n = 0;
        foreach (var (split, count) in new[] { ("train", trainPerClass), ("val", valPerClass), ("test", testPerClass) })
            for (var i = 0; i < count; i++)
                foreach (var label in Classes)
                {
                    var id = $"sub-{n++:D3}";
                    var volume = MakeVolume(mode, size, slices2d, label == "tumour", random);
                    VolumeIO.WriteNifti(volume, Path.Combine(Root, "subjects", id + ".nii.gz"));
                    rows.Add($"{id},{id},{label},{split},subjects/{id}.nii.gz,0,1,-2,2");
                    if (split == "train") fractions.Add($"{id},{(i == 0 ? 0.25 : 1.0).ToString(CultureInfo.InvariantCulture)}");
                }
        File.WriteAllLines(Path.Combine(Root, "index.csv"), rows);
        File.WriteAllLines(Path.Combine(Root, "label_fractions.csv"), fractions);
        var shape = mode == "3d" ? $"[{size},{size},{size}]" : $"[{size},{size},{slices2d}]";
        File.WriteAllText(Path.Combine(Root, "summary.json"),
            $$"""{ "mode": "{{mode}}", "classes": ["healthy", "tumour"], "shape": {{shape}}, "spacing": [1,1,1], "counts": {}, "label_fractions": [0.25, 1] }""");
    }

    public string Root { get; }

    public string SubjectPath(int index) => Path.Combine(Root, "subjects", $"sub-{index:D3}.nii.gz");

    private static Volume MakeVolume(string mode, int size, int slices2d, bool tumour, Random random)
    {
        var nz = mode == "3d" ? size : slices2d;
        var volume = Volume.Create(size, size, nz);
        var c = (size - 1) / 2.0;
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < size; y++)
                for (var x = 0; x < size; x++)
                {
                    var dz = mode == "3d" ? z - (nz - 1) / 2.0 : 0;
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
