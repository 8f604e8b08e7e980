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
        if (File.Exists(path)) return CohortManifest.Load(path);
        var manifest = Path.Combine(path, ManifestName);
        if (File.Exists(manifest)) return CohortManifest.Load(manifest);
        if (OasisDiscovery.Recognises(path)) return OasisDiscovery.Discover(path);
        if (FigshareDiscovery.Recognises(path)) return FigshareDiscovery.Discover(path);
        return ClassFolderDiscovery.Discover(path, discovery);
    }

    /// <summary>Loads and validates; throws <see cref="CohortManifestException"/> listing every problem.</summary>
    public static IReadOnlyList<CohortSubject> LoadValidated(string path, CohortValidationOptions options, CohortDiscoveryOptions? discovery = null)
    {
        var subjects = Load(path, discovery);
        var problems = CohortValidator.Validate(subjects, options);
        if (problems.Count > 0) throw new CohortManifestException(File.Exists(path) ? path : Path.Combine(path, File.Exists(Path.Combine(path, ManifestName)) ? ManifestName : ""), problems);
        return subjects;
    }
}
