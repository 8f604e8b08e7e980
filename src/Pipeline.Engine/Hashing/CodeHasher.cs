using System.Xml.Linq;

namespace Pipeline.Engine.Hashing;

/// <summary>A stage's code as named parts (a project folder, "packages", a code file) each with its hash.</summary>
internal sealed record CodeDigest(IReadOnlyDictionary<string, string> Parts)
{
    public string Hash => Hex.OfText(string.Concat(Parts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\t{p.Value}\n")));
}

/// <summary>
/// Hashes the code of a stage: for a .NET project, its sources and those of every project it references
/// (transitively), the resolved versions of their packages and the Directory.Build.* files that shape the build;
/// for a command stage, its declared code files. C# files hash without trivia; other files by content.
/// </summary>
internal sealed class CodeHasher(string root, ContentHasher hasher)
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", ".git", ".vs", ".idea", "TestResults" };

    public CodeDigest ForProject(string projectFile)
    {
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var packages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([Path.GetFullPath(projectFile)]);
        while (pending.Count > 0)
        {
            var project = pending.Dequeue();
            if (!seen.Add(project)) continue;
            if (!File.Exists(project)) throw new UsageException($"{Relative(project)}: referenced project does not exist");
            var folder = Path.GetDirectoryName(project)!;
            parts[Relative(folder)] = HashFolderAsCode(folder);
            var xml = XDocument.Load(project);
            foreach (var reference in Elements(xml, "ProjectReference"))
                if (reference.Attribute("Include")?.Value is { } include)
                    pending.Enqueue(Path.GetFullPath(Path.Combine(folder, include.Replace('\\', '/'))));
            foreach (var package in Elements(xml, "PackageReference"))
                if (package.Attribute("Include")?.Value is { } name)
                    packages[name] = VersionOf(package) ?? CentralVersion(folder, name) ?? "?";
            foreach (var buildFile in BuildFiles(folder))
                parts[Relative(buildFile)] = hasher.HashFile(buildFile).Hash;
        }
        parts["packages"] = Hex.OfText(string.Concat(packages.Select(p => $"{p.Key} {p.Value}\n")));
        return new CodeDigest(parts);
    }

    public CodeDigest ForPaths(IEnumerable<string> relativePaths)
    {
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var relative in relativePaths)
        {
            var full = Path.Combine(root, relative);
            parts[relative] = Directory.Exists(full) ? HashFolderAsCode(full)
                : File.Exists(full) ? HashCodeFile(full)
                : throw new UsageException($"code file {relative} does not exist");
        }
        return new CodeDigest(parts);
    }

    /// <summary>The project folder's files (minus bin/obj and nested projects) with C# files hashed by syntax.</summary>
    private string HashFolderAsCode(string folder)
    {
        var files = new List<string>();
        Collect(folder, folder, files);
        files.Sort(StringComparer.Ordinal);
        var entries = files.AsParallel().AsOrdered()
            .Select(f => new FileEntry(Path.GetRelativePath(folder, f).Replace('\\', '/'), 0, HashCodeFile(f)))
            .ToList();
        return Hex.OfText(PathDigest.Manifest(entries));
    }

    private string HashCodeFile(string file) =>
        file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? hasher.HashCSharp(file) : hasher.HashFile(file).Hash;

    private static void Collect(string top, string folder, List<string> into)
    {
        foreach (var file in Directory.EnumerateFiles(folder)) into.Add(file);
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            if (SkippedFolders.Contains(name) || name.StartsWith('.')) continue;
            if (Directory.EnumerateFiles(sub, "*.csproj").Any()) continue; // a nested project hashes on its own
            Collect(top, sub, into);
        }
    }

    private IEnumerable<string> BuildFiles(string folder)
    {
        var rootFull = Path.GetFullPath(root).TrimEnd('/');
        for (var dir = folder; dir is not null && dir.Length >= rootFull.Length; dir = Path.GetDirectoryName(dir))
            foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
                if (File.Exists(Path.Combine(dir, name))) yield return Path.Combine(dir, name);
    }

    private string? CentralVersion(string folder, string package)
    {
        for (var dir = folder; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var props = Path.Combine(dir, "Directory.Packages.props");
            if (!File.Exists(props)) continue;
            return Elements(XDocument.Load(props), "PackageVersion")
                .FirstOrDefault(e => string.Equals(e.Attribute("Include")?.Value, package, StringComparison.OrdinalIgnoreCase))
                ?.Attribute("Version")?.Value;
        }
        return null;
    }

    private static string? VersionOf(XElement package) =>
        package.Attribute("VersionOverride")?.Value ?? package.Attribute("Version")?.Value
        ?? package.Elements().FirstOrDefault(e => e.Name.LocalName is "Version" or "VersionOverride")?.Value;

    private static IEnumerable<XElement> Elements(XDocument xml, string name) =>
        xml.Descendants().Where(e => e.Name.LocalName == name);

    private string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
