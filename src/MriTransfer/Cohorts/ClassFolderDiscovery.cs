namespace MriTransfer.Cohorts;

/// <summary>
/// Builds a cohort from class folders, the layout of most public slice datasets:
/// <c>root/&lt;class&gt;/*.jpg</c>, or <c>root/Training/&lt;class&gt;/…</c> and <c>root/Testing/&lt;class&gt;/…</c>,
/// whose split is kept as <see cref="CohortSubject.PredefinedSplit"/> ("train" / "test").
/// Subject ids are the relative path without extension ("Training/glioma/Tr-gl_0010" → "train-glioma-Tr-gl_0010");
/// each image is its own patient (class-folder datasets carry no patient ids). With a modality suffix
/// (<see cref="CohortDiscoveryOptions.ModalitySuffix"/>, BraTS-style <c>root/HGG/case/case_t1ce.nii.gz</c>) only files
/// of that modality are subjects and the case folder is the patient; without one, a folder holding several modality
/// files of one case is refused, as each would become its own "patient" (and the segmentation an image). A class folder
/// without images is reported, never dropped silently: the classifier would quietly lose a class.
/// </summary>
public static class ClassFolderDiscovery
{
    public static readonly string[] ImageExtensions = [".nii.gz", ".nii", ".hdr", ".mha", ".mhd", ".png", ".jpg", ".jpeg", ".bmp"];

    private static readonly Dictionary<string, string> SplitFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Training"] = "train", ["Train"] = "train", ["Testing"] = "test", ["Test"] = "test",
    };

    public static IReadOnlyList<CohortSubject> Discover(string root, CohortDiscoveryOptions? options = null)
    {
        var problems = new List<string>();
        var subjects = Discover(root, options, problems);
        if (problems.Count > 0) throw new CohortManifestException(root, problems);
        return subjects;
    }

    /// <summary>The subjects found; problems that still leave subjects to check (empty class folders) are added to
    /// <paramref name="problems"/>, the others throw <see cref="CohortManifestException"/>.</summary>
    public static IReadOnlyList<CohortSubject> Discover(string root, CohortDiscoveryOptions? options, List<string> problems)
    {
        options ??= CohortDiscoveryOptions.Default;
        if (!Directory.Exists(root)) throw new CohortManifestException(root, ["folder not found"]);
        var top = Directory.GetDirectories(root).Where(d => !IsHidden(d)).Order(StringComparer.Ordinal).ToList();
        var splits = top.Where(d => SplitFolders.ContainsKey(Path.GetFileName(d))).ToList();
        var subjects = new List<CohortSubject>();
        if (splits.Count > 0)
        {
            foreach (var splitFolder in splits)
                AddClasses(root, splitFolder, SplitFolders[Path.GetFileName(splitFolder)], options, subjects, problems);
        }
        else AddClasses(root, root, null, options, subjects, problems);
        if (!options.HasModalitySuffix && ModalityFiles.MultiModalFolders(subjects) is { Count: > 0 } cases)
            throw new CohortManifestException(root, [ModalityFiles.SetSuffixAdvice(cases)]);

        if (subjects.Count == 0)
            throw new CohortManifestException(root,
                [.. problems, $"no images found{(options.HasModalitySuffix ? $" whose name ends in {options.ModalitySuffix} (preprocess.modality_suffix)" : "")}: expected a manifest.csv, or class folders root/<class>/*.{{png,jpg,nii.gz,...}} (optionally under Training/ and Testing/); extensions looked for: {string.Join(", ", ImageExtensions)}"]);
        return subjects;
    }

    private static void AddClasses(string root, string folder, string? split, CohortDiscoveryOptions options, List<CohortSubject> into, List<string> problems)
    {
        foreach (var classFolder in Directory.GetDirectories(folder).Where(d => !IsHidden(d)).Order(StringComparer.Ordinal))
        {
            var label = Path.GetFileName(classFolder);
            var before = into.Count;
            foreach (var file in Directory.GetFiles(classFolder, "*", SearchOption.AllDirectories).Where(f => !IsHidden(f) && IsImage(f)).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(classFolder, file);
                if (options.HasModalitySuffix && !StripImageExtension(relative).EndsWith(options.ModalitySuffix!, StringComparison.OrdinalIgnoreCase)) continue;
                var stem = StripImageExtension(relative).Replace(Path.DirectorySeparatorChar, '-');
                var id = (split is null ? "" : split + "-") + label + "-" + stem;
                var patient = options.HasModalitySuffix ? ModalityFiles.CaseOf(relative, options.ModalitySuffix!, StripImageExtension) : id;
                into.Add(new CohortSubject(id, Path.GetFullPath(file), label, patient, PredefinedSplit: split));
            }
            if (into.Count == before)
                problems.Add($"class folder {Path.GetRelativePath(root, classFolder)}/ holds no images"
                    + (options.HasModalitySuffix ? $" whose name ends in {options.ModalitySuffix} (preprocess.modality_suffix)" : $" ({string.Join(", ", ImageExtensions)})")
                    + $"; class '{label}' would silently vanish from the classifier: add its images or remove the folder");
        }
    }

    internal static bool IsImage(string file) => ImageExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    internal static string StripImageExtension(string file)
    {
        var e = ImageExtensions.First(x => file.EndsWith(x, StringComparison.OrdinalIgnoreCase));
        return file[..^e.Length];
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');
}
