using System.Diagnostics;
using System.Xml.Linq;

namespace Pipeline.Engine.Execution;

/// <summary>
/// Builds stage apps in Release on demand: every stale project of a run in ONE `dotnet build` of a generated
/// solution under .pipeline/build/, then a stamp (the code hash) per project so an unchanged app is not rebuilt.
/// </summary>
internal sealed class StageBuilder(Workspace workspace)
{
    private string StampFile(string project) => Path.Combine(workspace.State, "build", project.Replace('/', '.') + ".stamp");

    public static string ProjectFile(Workspace workspace, string projectPath)
    {
        var full = workspace.Full(projectPath);
        if (projectPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)) return full;
        var candidates = Directory.Exists(full) ? Directory.GetFiles(full, "*.csproj") : [];
        return candidates.Length == 1
            ? candidates[0]
            : throw new UsageException($"stage project {projectPath}: expected one .csproj in that folder, found {candidates.Length}");
    }

    public string AssemblyPath(string projectPath)
    {
        var file = ProjectFile(workspace, projectPath);
        var xml = XDocument.Load(file);
        string? Property(string name) => xml.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        var tfm = Property("TargetFramework") ?? InheritedTargetFramework(Path.GetDirectoryName(file)!) ?? "net10.0";
        var name = Property("AssemblyName") ?? Path.GetFileNameWithoutExtension(file);
        return Path.Combine(Path.GetDirectoryName(file)!, "bin", "Release", tfm, name + ".dll");
    }

    public bool IsBuilt(string projectPath, string codeHash) =>
        File.Exists(AssemblyPath(projectPath)) && File.Exists(StampFile(projectPath)) && File.ReadAllText(StampFile(projectPath)).Trim() == codeHash;

    /// <summary>Builds the given projects in one invocation; returns null on success, else the build log's tail.</summary>
    public string? Build(IReadOnlyDictionary<string, string> projectsWithCodeHash, CancellationToken cancel)
    {
        var folder = Path.Combine(workspace.State, "build");
        Directory.CreateDirectory(folder);
        var solution = Path.Combine(folder, "stages.slnx");
        var projects = projectsWithCodeHash.Keys.Order(StringComparer.Ordinal)
            .Select(p => $"  <Project Path=\"{Path.GetRelativePath(folder, ProjectFile(workspace, p)).Replace('\\', '/')}\" />");
        AtomicFile.WriteAllText(solution, "<Solution>\n" + string.Join("\n", projects) + "\n</Solution>\n");
        var log = workspace.Full(".pipeline/logs/build.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workspace.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "build", solution, "-c", "Release", "-nologo", "-v:q", "-clp:NoSummary" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        using var registration = cancel.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } });
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + stderr.Result;
        process.WaitForExit();
        File.WriteAllText(log, output);
        if (process.ExitCode != 0)
            return string.Join(Environment.NewLine, output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(20).DefaultIfEmpty(output.Trim()));
        foreach (var (project, hash) in projectsWithCodeHash) AtomicFile.WriteAllText(StampFile(project), hash + "\n");
        return null;
    }

    private string? InheritedTargetFramework(string folder)
    {
        for (var dir = folder; dir is not null && dir.Length >= workspace.Root.Length; dir = Path.GetDirectoryName(dir))
        {
            var props = Path.Combine(dir, "Directory.Build.props");
            if (File.Exists(props) && XDocument.Load(props).Descendants().FirstOrDefault(e => e.Name.LocalName == "TargetFramework")?.Value is { } tfm)
                return tfm;
        }
        return null;
    }
}
