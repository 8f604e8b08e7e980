using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Engine.Experiments;

namespace Pipeline.Engine.Execution;

/// <summary>What the whole run knows and no fingerprint covers: the git revision, the params diff against HEAD.</summary>
internal sealed record RunProvenance(string? Revision, bool? Dirty, IReadOnlyList<string> DirtyPaths, string Baseline, IReadOnlyList<ParamChange> Changes)
{
    /// <summary>Asks git once (revision, <c>git status --porcelain</c>) and compares the params with <see cref="ParamsBaseline"/>.</summary>
    public static RunProvenance Of(Workspace workspace, string paramsFile, IReadOnlyList<ParamSpec> schema, ParamValues values)
    {
        var revision = Git.Head(workspace.Root);
        (int Exit, string Output)? status = revision is null ? null : Git.Run(workspace.Root, "status", "--porcelain", "--untracked-files=no");
        var dirty = status is (0, var text) ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Length > 3 ? l[3..] : l).ToList() : [];
        var baseline = ParamsBaseline.Load(workspace, paramsFile, schema);
        return new RunProvenance(revision, status is (0, _) ? dirty.Count > 0 : null, dirty, baseline.Description,
            baseline.Changes(ParamsBaseline.Canonical(values)));
    }
}

/// <summary>
/// The provenance a stage declared with <see cref="StageDefinition.Provenance"/> is handed: a small JSON file (path in
/// <see cref="Variable"/>) written just before it starts, naming the git revision (dirty or clean), pipeline.lock's
/// SHA-256 at that moment, the params diff against HEAD and, for every other instance of the run, whether it ran, was
/// restored or was up to date, with its time. It is deliberately outside the fingerprint: it describes the run that made
/// the stage's outputs, never what they are computed from, so a restored report keeps the provenance of the run that
/// rendered it. The engine does not know what the stage does with it (docs/stage-contract.md).
/// </summary>
internal sealed class ProvenanceFile(Workspace workspace, Func<RunProvenance> run, Timings timings)
{
    public const string Variable = "PIPELINE_PROVENANCE";
    public const int Schema = 1;
    private readonly Lazy<RunProvenance> _run = new(run);

    /// <summary>Writes the file for <paramref name="instance"/> and returns its path.</summary>
    public string Write(StageInstance instance, IReadOnlyList<StageInstance> instances, IReadOnlyDictionary<string, StageResult> finished)
    {
        var path = workspace.Full($".pipeline/provenance/{instance.Id.Replace('/', '.')}.json");
        FileSystemFault.Guard(path, "writing the stage's provenance file", () => AtomicFile.WriteAllText(path, Json(instance, instances, finished)),
            workspace.Root, fileExpected: true);
        return path;
    }

    internal string Json(StageInstance instance, IReadOnlyList<StageInstance> instances, IReadOnlyDictionary<string, StageResult> finished)
    {
        var facts = _run.Value;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schema", Schema);
            w.WriteString("written", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("stage", instance.Id);
            w.WriteStartObject("git");
            w.WriteString("revision", facts.Revision);
            if (facts.Dirty is { } dirty) w.WriteBoolean("dirty", dirty); else w.WriteNull("dirty");
            w.WriteStartArray("changed_files");
            foreach (var file in facts.DirtyPaths.Take(20)) w.WriteStringValue(file);
            w.WriteEndArray();
            w.WriteNumber("changed_files_total", facts.DirtyPaths.Count);
            w.WriteEndObject();
            w.WriteStartObject("lock");
            w.WriteString("path", workspace.Relative(workspace.LockFile));
            w.WriteString("sha256", File.Exists(workspace.LockFile) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(workspace.LockFile))) : null);
            w.WriteEndObject();
            w.WriteStartObject("params");
            w.WriteString("baseline", facts.Baseline);
            ParamChange.WriteArray(w, "changes", facts.Changes);
            w.WriteEndObject();
            w.WriteStartArray("stages");
            foreach (var other in instances.Where(i => i.Id != instance.Id))
            {
                w.WriteStartObject();
                w.WriteString("id", other.Id);
                var result = finished.GetValueOrDefault(other.Id);
                w.WriteString("result", result is null ? "not finished" : StageResultName.Of(result.Status));
                var seconds = result is { Status: StageStatus.Done } ? result.Elapsed : timings.Typical(other.Id);
                if (seconds is { } s) w.WriteNumber("seconds", Math.Round(s.TotalSeconds, 1)); else w.WriteNull("seconds");
                w.WriteBoolean("timed_in_this_run", result is { Status: StageStatus.Done });
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

}
