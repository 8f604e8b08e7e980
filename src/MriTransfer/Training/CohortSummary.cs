using System.Text.Json.Nodes;
using MriTransfer.Models;

namespace MriTransfer.Training;

/// <summary>What training records about its input cohort: spacing, normalisation and a fingerprint of index.csv.</summary>
public sealed record CohortSummary(string Mode, int[] Shape, double[] Spacing, JsonNode? Normalisation, string IndexSha256)
{
    public int SpatialDims => Mode == "2d" ? 2 : 3;

    public static CohortSummary Read(string cohortDir)
    {
        var summary = ModelFiles.ReadJson(Path.Combine(cohortDir, "summary.json"));
        var mode = (string?)summary["mode"] ?? "3d";
        if (mode is not ("3d" or "2d"))
            throw new TrainingInputException($"{Path.Combine(cohortDir, "summary.json")}: mode must be \"3d\" or \"2d\", got \"{mode}\"");
        var shape = summary["shape"]!.AsArray().Select(n => (int)n!).ToArray();
        var spacing = summary["spacing"]?.AsArray().Select(n => (double)n!).ToArray() ?? [];
        var normalisation = (summary["normalisation"] ?? summary["normalization"] ?? summary["intensity"])?.DeepClone();
        return new CohortSummary(mode, shape, spacing, normalisation, Fingerprint.OfFile(Path.Combine(cohortDir, "index.csv")));
    }
}
