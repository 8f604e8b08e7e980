namespace MriTransfer.Cohorts;

/// <summary>
/// Opens a user's dataset however it is given: a manifest file, a folder holding manifest.csv, an OASIS-1 download
/// (see <see cref="OasisDiscovery"/>), a folder of Figshare
/// brain-tumour .mat slices (see <see cref="FigshareDiscovery"/>), or a folder of class folders (see <see cref="ClassFolderDiscovery"/>).
/// </summary>
public static class CohortSource
{
    public const string ManifestName = "manifest.csv";

    public static IReadOnlyList<CohortSubject> Load(string path, CohortDiscoveryOptions? discovery = null)
    {
        var problems = new List<string>();
        var subjects = Load(path, discovery, problems);
        if (problems.Count > 0) throw new CohortManifestException(SourceName(path), problems);
        return subjects;
    }

    /// <summary>
    /// The subjects that could be read; problems that leave subjects to go on with (malformed manifest rows, empty class
    /// folders) are added to <paramref name="problems"/> so files can still be checked and everything reported once.
    /// </summary>
    public static IReadOnlyList<CohortSubject> Load(string path, CohortDiscoveryOptions? discovery, List<string> problems)
    {
        if (File.Exists(path)) return CohortManifest.Read(path, problems);
        var manifest = Path.Combine(path, ManifestName);
        if (File.Exists(manifest)) return CohortManifest.Read(manifest, problems);
        if (OasisDiscovery.Recognises(path)) return OasisDiscovery.Discover(path);
        if (FigshareDiscovery.Recognises(path)) return FigshareDiscovery.Discover(path);
        return ClassFolderDiscovery.Discover(path, discovery, problems);
    }

    /// <summary>Loads and validates; throws <see cref="CohortManifestException"/> listing every problem.</summary>
    public static IReadOnlyList<CohortSubject> LoadValidated(string path, CohortValidationOptions options, CohortDiscoveryOptions? discovery = null)
    {
        var problems = new List<string>();
        var subjects = Load(path, discovery, problems);
        problems.AddRange(CohortValidator.Validate(subjects, options));
        if (problems.Count > 0) throw new CohortManifestException(SourceName(path), problems);
        return subjects;
    }

    /// <summary>The file a cohort's messages name: the manifest when there is one, else the folder.</summary>
    public static string SourceName(string path) =>
        File.Exists(path) ? path : File.Exists(Path.Combine(path, ManifestName)) ? Path.Combine(path, ManifestName) : path;
}
