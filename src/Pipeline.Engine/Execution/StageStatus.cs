namespace Pipeline.Engine.Execution;

public enum StageStatus { Waiting, Building, Running, Cached, Restored, Done, Failed, Skipped }

/// <summary>How a finished instance is named in experiments and provenance: ran, restored, up to date, failed, skipped.</summary>
internal static class StageResultName
{
    public static string Of(StageStatus status) => status switch
    {
        StageStatus.Done => "ran",
        StageStatus.Restored => "restored",
        StageStatus.Cached => "up to date",
        StageStatus.Failed => "failed",
        _ => "skipped",
    };
}

/// <summary>Where the executor reports what happens; the live view or plain lines for logs.</summary>
internal interface IProgressSink
{
    /// <summary>After planning: the instances this run may run or restore, and those the run cache will likely restore.</summary>
    void Planned(IReadOnlyList<string> toRun, IReadOnlySet<string> restorable);
    void Update(string id, StageStatus status, string? detail = null);
    void Progress(string id, string line);
    void Note(string text);
}

internal static class StageStatusText
{
    public static string Word(this StageStatus status) => status switch
    {
        StageStatus.Cached => "up to date",
        StageStatus.Restored => "restored from run cache",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Colour(this StageStatus status) => status switch
    {
        StageStatus.Running or StageStatus.Building => "yellow",
        StageStatus.Done => "green",
        StageStatus.Cached or StageStatus.Restored => "blue",
        StageStatus.Failed => "red",
        StageStatus.Skipped => "grey",
        _ => "default",
    };
}
