using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Execution;

/// <summary>A stage instance's status before anything runs: whether it may run, and every reason.</summary>
internal sealed record PlannedStage(string Id, bool MayRun, IReadOnlyList<string> Reasons, string? CodeHash, string? Fingerprint);

/// <summary>Evaluates every instance against pipeline.lock without running anything (Status, --dry-run, and which
/// stage apps to build). A stage downstream of one that may run may run too.</summary>
internal sealed class Planner(Workspace workspace, StateReader reader, LockFile lockFile, RunOptions? options = null)
{
    public IReadOnlyDictionary<string, PlannedStage> Plan(IReadOnlyList<StageInstance> instances)
    {
        var plan = new Dictionary<string, PlannedStage>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            var reasons = new List<string>();
            string? codeHash = null, fingerprint = null;
            if (options?.Skips(instance) == true)
            {
                plan[instance.Id] = new PlannedStage(instance.Id, false, ["skipped with --skip"], null, null);
                continue;
            }
            if (options?.Forces(instance) == true) reasons.Add("forced with --force");
            try
            {
                var state = reader.Read(instance);
                codeHash = state.Code.Hash;
                fingerprint = state.Fingerprint;
                foreach (var missing in state.Missing)
                    reasons.Add(missing.Name.Contains('/') || instance.Inputs.First(i => i.Name == missing.Name).UpstreamId is not null
                        ? $"input {missing.Path} not produced yet"
                        : $"dependency {missing.Path} does not exist");
                if (!state.Missing.Any())
                    reasons.AddRange(StatusCheck.Reasons(instance, state, lockFile[instance.Id], reader, workspace));
            }
            catch (UsageException e) { reasons.Add(e.Message); }
            foreach (var up in instance.Inputs.Select(i => i.UpstreamId).OfType<string>().Distinct())
                if (plan.TryGetValue(up, out var upstream) && upstream.MayRun) reasons.Add($"upstream {up} will run");
            plan[instance.Id] = new PlannedStage(instance.Id, reasons.Count > 0, reasons.Distinct().ToList(), codeHash, fingerprint);
        }
        return plan;
    }
}
