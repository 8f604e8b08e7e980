using System.Globalization;
using System.Text.Json;
using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Experiments;

/// <summary>
/// The recorded experiments of a workspace: .pipeline/experiments/&lt;id&gt;/ (ids e1, e2 … in the order they were
/// recorded, never reused), each written whole into a temporary folder and renamed into place. A record that cannot be
/// read is reported by id, never silently dropped.
/// </summary>
internal sealed class ExperimentStore(Workspace workspace)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public string Folder => Path.Combine(workspace.State, "experiments");

    public string FolderOf(string id) => Path.Combine(Folder, id);

    /// <summary>Every record, oldest first, and the problem of each one that cannot be read.</summary>
    public (List<ExperimentRecord> Records, List<string> Problems) All()
    {
        var records = new List<ExperimentRecord>();
        var problems = new List<string>();
        foreach (var id in Ids())
        {
            try { records.Add(Read(id)); }
            catch (UsageException e) { problems.Add(e.Message); }
        }
        return (records, problems);
    }

    /// <summary>The record of an id (accepts "e3" and "3"); a usage error naming the known ids when there is none.</summary>
    public ExperimentRecord Load(string id) => Read(Existing(id));

    /// <summary>Writes a new record (its id chosen here) with its metrics files copied from the workspace; returns its id.</summary>
    public string Add(Func<string, ExperimentRecord> record, IReadOnlyDictionary<string, string> metricsFiles)
    {
        Directory.CreateDirectory(Folder);
        var id = NextId();
        var temp = Path.Combine(Folder, $".tmp-{id}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(temp);
            foreach (var (relative, source) in metricsFiles)
            {
                var target = Path.Combine(temp, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
            File.WriteAllText(Path.Combine(temp, "experiment.json"), JsonSerializer.Serialize(record(id), Json) + "\n");
            Directory.Move(temp, FolderOf(id));
            AtomicFile.WriteAllText(Path.Combine(Folder, "last-id"), id + "\n");
            return id;
        }
        finally { Publisher.TryDelete(temp); }
    }

    /// <summary>Deletes a record (also one that cannot be read); returns its id.</summary>
    public string Remove(string id)
    {
        var name = Existing(id);
        var doomed = Path.Combine(Folder, $".removed-{name}-{Guid.NewGuid():N}");
        Directory.Move(FolderOf(name), doomed); // gone from the list at once, deleted after
        Publisher.TryDelete(doomed);
        return name;
    }

    /// <summary>Every fingerprint a readable record names (what Gc keeps); a record that cannot be read is an error, so
    /// Gc never deletes what it might need.</summary>
    public HashSet<string> Fingerprints()
    {
        var (records, problems) = All();
        if (problems.Count > 0)
            throw new UsageException(problems.Select(p => $"Gc: {p}; nothing was deleted. Remove it (./build.sh Experiments remove ID) or run Gc --experiments").ToList());
        return records.SelectMany(r => r.Instances.Values.Select(i => i.Fingerprint)).ToHashSet(StringComparer.Ordinal);
    }

    private string Existing(string id)
    {
        var name = Normalize(id);
        var ids = Ids();
        return ids.Contains(name)
            ? name
            : throw new UsageException($"no experiment '{id}' in {workspace.Relative(Folder)}; ./build.sh Experiments lists them" +
                (ids.Count > 0 ? $" ({string.Join(", ", ids)})" : " (none is recorded yet)"));
    }

    private List<string> Ids() => Directory.Exists(Folder)
        ? Directory.EnumerateDirectories(Folder).Select(Path.GetFileName).OfType<string>().Where(n => Number(n) > 0).OrderBy(Number).ToList()
        : [];

    private ExperimentRecord Read(string id)
    {
        var file = Path.Combine(FolderOf(id), "experiment.json");
        try
        {
            var record = JsonSerializer.Deserialize<ExperimentRecord>(File.ReadAllText(file), Json);
            if (record is null || record.Id != id || record.Instances is null || record.Params is null || record.Changes is null)
                throw new UsageException($"{workspace.Relative(file)}: not an experiment record");
            if (record.Version > ExperimentRecord.CurrentVersion)
                throw new UsageException($"{workspace.Relative(file)}: written by a newer engine (version {record.Version})");
            return record;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"{workspace.Relative(file)}: cannot be read ({e.Message.Split('\n')[0]})");
        }
    }

    private string NextId()
    {
        var last = Path.Combine(Folder, "last-id");
        var issued = File.Exists(last) ? Number(File.ReadAllText(last).Trim()) : 0;
        return "e" + (Math.Max(issued, Ids().Select(Number).DefaultIfEmpty(0).Max()) + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static string Normalize(string id) => id.StartsWith('e') || id.StartsWith('E') ? "e" + id[1..] : "e" + id;

    private static int Number(string name) =>
        name.Length > 1 && name[0] == 'e' && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
