using System.Globalization;
using MriTransfer.Imaging;
using MriTransfer.Imaging.Matlab;

namespace MriTransfer.Cohorts;

/// <summary>
/// Builds a cohort from a folder of Figshare brain-tumour slices (Cheng et al.: 3,064 MATLAB v7.3 files <c>1.mat</c> …
/// <c>3064.mat</c>, directly or in the download's sub-folders): label 1/2/3 → meningioma/glioma/pituitary, <c>PID</c>
/// → patient id (about 13 slices per patient, so splits keep a patient's slices together). Subject ids are the
/// relative path without <c>.mat</c> ("brainTumorDataPublic_1-766/12.mat" → "brainTumorDataPublic_1-766-12").
/// When the set's <c>cvind.mat</c> (5-fold indices, entry i for <c>i.mat</c>) is in the folder it becomes the
/// predefined split: the last fold is the test split, the others train (val is carved from train by patient).
/// </summary>
public static class FigshareDiscovery
{
    public const string FoldsFile = "cvind.mat", FoldsVariable = "cvind";

    /// <summary>A folder of .mat files holding no other image files.</summary>
    public static bool Recognises(string root) =>
        Directory.Exists(root) && Files(root).Any()
        && !Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any(f => !IsHidden(root, f) && ClassFolderDiscovery.IsImage(f));

    public static IReadOnlyList<CohortSubject> Discover(string root)
    {
        var problems = new List<string>();
        var slices = new List<(string Path, string Id, FigshareSlice Slice)>();
        foreach (var file in Files(root))
        {
            try
            {
                var id = Path.ChangeExtension(Path.GetRelativePath(root, file), null).Replace(Path.DirectorySeparatorChar, '-');
                slices.Add((file, id, FigshareMatReader.ReadSlice(file)));
            }
            catch (ImageReadException e) { problems.Add(e.Message); }
        }
        var folds = ReadFolds(root, slices.Select(s => s.Path).ToList(), problems);
        if (problems.Count > 0) throw new CohortManifestException(root, problems);
        return slices.Select(s => new CohortSubject(s.Id, Path.GetFullPath(s.Path), s.Slice.Label, s.Slice.PatientId,
                PredefinedSplit: folds?[s.Path])).ToList();
    }

    /// <summary>Image path → "train" / "test" from cvind.mat, or null when the folder has none.</summary>
    private static Dictionary<string, string>? ReadFolds(string root, IReadOnlyList<string> images, List<string> problems)
    {
        var found = Directory.EnumerateFiles(root, "*.mat", SearchOption.AllDirectories).Where(IsFoldsFile).Order(StringComparer.Ordinal).ToList();
        if (found.Count == 0) return null;
        if (found.Count > 1) { problems.Add($"{found.Count} {FoldsFile} files ({string.Join(", ", found)}); keep the one that belongs to these images"); return null; }
        double[] folds;
        try { folds = MatVariables.ReadNumeric(found[0], FoldsVariable); }
        catch (ImageReadException e) { problems.Add(e.Message); return null; }
        var bad = folds.Select((f, i) => (f, i)).Where(p => p.f != Math.Floor(p.f) || p.f < 1).Take(5).ToList();
        if (bad.Count > 0)
        {
            problems.Add($"{found[0]}: {FoldsVariable} must hold fold numbers 1, 2, …; entries {string.Join(", ", bad.Select(b => $"{b.i + 1} = {b.f.ToString(CultureInfo.InvariantCulture)}"))} are not");
            return null;
        }
        var testFold = (int)folds.Max();
        var split = new Dictionary<string, string>(StringComparer.Ordinal);
        var unnumbered = new List<string>();
        foreach (var image in images)
        {
            if (int.TryParse(Path.GetFileNameWithoutExtension(image), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= folds.Length)
                split[image] = (int)folds[n - 1] == testFold ? "test" : "train";
            else unnumbered.Add(Path.GetRelativePath(root, image));
        }
        if (unnumbered.Count > 0)
            problems.Add($"{found[0]} holds fold numbers for images 1.mat to {folds.Length}.mat, but {unnumbered.Count} image(s) are not named so: " +
                         $"{string.Join(", ", unnumbered.Take(5))}{(unnumbered.Count > 5 ? ", …" : "")}; rename them, or move {FoldsFile} away to split randomly by patient");
        return split;
    }

    private static IEnumerable<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*.mat", SearchOption.AllDirectories)
            .Where(f => !IsHidden(root, f) && !IsFoldsFile(f)).Order(StringComparer.Ordinal);

    private static bool IsFoldsFile(string path) => Path.GetFileName(path).Equals(FoldsFile, StringComparison.OrdinalIgnoreCase);

    private static bool IsHidden(string root, string path) =>
        Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
