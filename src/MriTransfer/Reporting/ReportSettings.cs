namespace MriTransfer.Reporting;

/// <summary>The Report stage's params (report.*), validated on construction; every problem is reported together.</summary>
public sealed record ReportSettings
{
    public ReportSettings(int plotWidth = 900, int plotHeight = 550, string headlineVariant = "finetune")
    {
        PlotWidth = plotWidth;
        PlotHeight = plotHeight;
        HeadlineVariant = headlineVariant;
        var problems = new List<string>();
        if (plotWidth is < 300 or > 4000) problems.Add($"report.plot_width: expected an integer from 300 to 4000 pixels, got {plotWidth}");
        if (plotHeight is < 200 or > 3000) problems.Add($"report.plot_height: expected an integer from 200 to 3000 pixels, got {plotHeight}");
        if (!Evaluation.EvaluateSettings.IsVariantName(headlineVariant))
            problems.Add($"report.headline_variant: '{headlineVariant}' is not a valid variant name (letters, digits, '_' or '-')");
        if (problems.Count > 0) throw new ReportInputException(problems);
    }

    /// <summary>report.plot_width: width of every plot in pixels, 300..4000.</summary>
    public int PlotWidth { get; }
    /// <summary>report.plot_height: height of every plot in pixels, 200..3000 (the reconstruction montage grows with its rows).</summary>
    public int PlotHeight { get; }
    /// <summary>report.headline_variant: the variant whose comparison with the baseline opens the report.</summary>
    public string HeadlineVariant { get; }
}

/// <summary>
/// What the Report stage was given: the Evaluate folder, a stage folder holding history.csv per name, and the
/// optional learning-curve folder, params file and pipeline.lock (null when not given).
/// </summary>
public sealed record ReportInputs(
    string EvaluateDir,
    IReadOnlyDictionary<string, string> HistoryDirs,
    string? LearningCurveDir = null,
    string? ParamsFile = null,
    string? LockFile = null,
    string? PipelineFingerprint = null);
