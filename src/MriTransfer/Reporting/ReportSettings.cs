namespace MriTransfer.Reporting;

/// <summary><c>report.*</c>: the size of every plot in pixels and the comparison that opens the report.</summary>
public sealed record ReportSettings(int PlotWidth, int PlotHeight, string HeadlineVariant)
{
    /// <summary>What the schema cannot check: the headline names a variant.</summary>
    public void Validate()
    {
        if (!Evaluation.EvaluateSettings.IsVariantName(HeadlineVariant))
            throw new ReportInputException($"report.headline_variant: '{HeadlineVariant}' is not a valid variant name (letters, digits, '_' or '-')");
    }
}

/// <summary>
/// What the Report stage was given: the Evaluate folder, a stage folder holding history.csv per name, and the
/// optional learning-curve folder, params file and pipeline.lock (null when not given); <see cref="CohortDirs"/>: the
/// preprocessed cohorts by name ("ad", "bt"), whose excluded.csv the data section lists.
/// </summary>
public sealed record ReportInputs(
    string EvaluateDir,
    IReadOnlyDictionary<string, string> HistoryDirs,
    string? LearningCurveDir = null,
    string? ParamsFile = null,
    string? LockFile = null,
    string? PipelineFingerprint = null,
    IReadOnlyDictionary<string, string>? CohortDirs = null,
    string? ProvenanceFile = null);
