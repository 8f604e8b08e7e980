using System.IO.Compression;
using MriTransfer.Imaging;
using MriTransfer.Preprocessing;
using MriTransfer.Tests.Imaging;

namespace MriTransfer.Tests.Preprocessing;

/// <summary>Small cohorts written by the tests: heads in a manifest, noise pictures in class folders, and damaged files.</summary>
internal static class TestCohorts
{
    /// <summary>Near-duplicate grouping is off: the tiny phantoms of one class look alike to the perceptual hash.</summary>
    public static readonly PreprocessSettings Small = TestSettings.Preprocess with { TargetShape = [12, 12, 12], TargetSpacing = [2, 2, 2], SliceShape = [10, 10], Slices = 3, Workers = 2, QcPerClass = 2, NearDuplicateDistance = 0 };

    /// <summary>Writes <paramref name="perClass"/> heads per class (each its own patient) and their manifest; returns the manifest path.</summary>
    public static string WriteManifestCohort(string root, int perClass, params string[] classes)
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, "cohort")).FullName;
        var lines = new List<string> { "subject_id,path,label,patient_id" };
        var seed = 0;
        foreach (var label in classes)
            for (var p = 0; p < perClass; p++)
            {
                var id = $"{label}-{p:D2}";
                VolumeIO.WriteNifti(TestVolumes.Head(18, 20, 16, 1.5, seed++), Path.Combine(dir, id + ".nii.gz"));
                lines.Add($"{id},{id}.nii.gz,{label},pat-{label}-{p}");
            }
        File.WriteAllLines(Path.Combine(dir, "manifest.csv"), lines);
        return Path.Combine(dir, "manifest.csv");
    }

    /// <summary>A 32×32 grey PNG of seeded noise on a bright disc: distinct seeds are far apart for the perceptual hash.</summary>
    public static void WriteNoisePng(string path, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, 32).Select(y => Enumerable.Range(0, 32)
            .Select(x => (x - 16) * (x - 16) + (y - 16) * (y - 16) < 196 ? 60 + random.Next(196) : 0).ToArray()).ToArray();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, TestImages.Png(32, 32, TestImages.Grey, 8, rows));
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gz = new GZipStream(memory, CompressionLevel.Fastest)) gz.Write(bytes);
        return memory.ToArray();
    }

    /// <summary>An uncompressed NIfTI-1 file's bytes (header + voxels) of a small head.</summary>
    public static byte[] PlainHead(string scratch)
    {
        var plain = Path.Combine(scratch, $"plain-{Guid.NewGuid():N}.nii");
        VolumeIO.WriteNifti(TestVolumes.Head(18, 20, 16), plain);
        var bytes = File.ReadAllBytes(plain);
        File.Delete(plain);
        return bytes;
    }

    /// <summary>A gzipped 4-D NIfTI (dim[0] = 4, dim[4] = 2) of two copies of a head.</summary>
    public static void Write4d(string path, string scratch)
    {
        var bytes = PlainHead(scratch);
        BitConverter.GetBytes((short)4).CopyTo(bytes, 40);
        BitConverter.GetBytes((short)2).CopyTo(bytes, 48);
        File.WriteAllBytes(path, Gzip(bytes.Concat(bytes.Skip(352)).ToArray()));
    }
}

/// <summary>A test that preprocesses cohorts it writes under its own temporary folder (deleted afterwards) into <see cref="Out"/>.</summary>
public abstract class CohortRunTest : IDisposable
{
    protected string Root { get; } = Directory.CreateTempSubdirectory("mt-cohort-run-").FullName;
    protected string Out => Path.Combine(Root, "out");

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected CohortPreprocessRequest Request(string cohort, MriTransfer.Cohorts.Splitting.SplitSettings split, PreprocessSettings? settings = null) =>
        new(cohort, Directory.CreateDirectory(Out).FullName, settings ?? TestCohorts.Small, split);
}
