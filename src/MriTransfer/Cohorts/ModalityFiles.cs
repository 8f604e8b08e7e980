namespace MriTransfer.Cohorts;

/// <summary>
/// Multi-modal cases in class folders (BraTS: <c>HGG/BraTS19_2013_2_1/BraTS19_2013_2_1_{t1,t1ce,t2,flair,seg}.nii.gz</c>):
/// which folders hold several modality files of one case, and which case a file belongs to.
/// </summary>
internal static class ModalityFiles
{
    /// <summary>BraTS's file suffixes (the segmentation included: it must never be read as an image).</summary>
    public static readonly string[] KnownSuffixes = ["_t1", "_t1ce", "_t1gd", "_t2", "_flair", "_seg"];

    /// <summary>Folders holding two or more files that differ only by a known modality suffix, e.g. "HGG/case_001".</summary>
    public static List<string> MultiModalFolders(IEnumerable<CohortSubject> subjects) =>
        subjects.GroupBy(s => Path.GetDirectoryName(s.Path)!, StringComparer.Ordinal)
            .Where(folder => folder
                .Select(s => ClassFolderDiscovery.StripImageExtension(Path.GetFileName(s.Path)))
                .Select(stem => KnownSuffixes.FirstOrDefault(k => stem.EndsWith(k, StringComparison.OrdinalIgnoreCase)) is { } k ? stem[..^k.Length] : null)
                .Where(c => c is not null).GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Any(c => c.Count() >= 2))
            .Select(folder => folder.Key).Order(StringComparer.Ordinal).ToList();

    public static string SetSuffixAdvice(IReadOnlyList<string> folders) =>
        $"{folders.Count} folder(s) hold several modality files of one case (e.g. {folders[0]}: " +
        $"{string.Join(", ", Directory.GetFiles(folders[0]).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(6))}); " +
        "each would be its own subject and patient, so one case would leak across splits (and a segmentation be read as an image): " +
        "set preprocess.modality_suffix to the one modality to read, e.g. _t1ce";

    /// <summary>
    /// The case (patient) of a file <paramref name="relative"/> to its class folder: the folder holding it when it is in
    /// one ("case_001/case_001_t1ce.nii.gz" → "case_001"), else its name without the suffix.
    /// </summary>
    public static string CaseOf(string relative, string suffix, Func<string, string> stripExtension)
    {
        var folder = Path.GetDirectoryName(relative);
        if (!string.IsNullOrEmpty(folder)) return folder.Replace(Path.DirectorySeparatorChar, '-');
        var stem = stripExtension(relative);
        return stem[..^suffix.Length] is { Length: > 0 } name ? name : stem;
    }
}
