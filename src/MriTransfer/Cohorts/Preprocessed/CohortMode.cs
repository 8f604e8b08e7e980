using System.Reflection;
using System.Runtime.Serialization;
using Pipeline.Errors;

namespace MriTransfer.Cohorts.Preprocessed;

/// <summary>What a preprocessed cohort's files hold; its text ("3d", "2d") is the one in summary.json, model.json and params.</summary>
public enum CohortMode
{
    /// <summary>One model-ready 3-D volume per subject.</summary>
    [EnumMember(Value = "3d")] ThreeD,
    /// <summary>K axial slices (or one 2-D image) per subject, stacked as an (H, W, K) volume.</summary>
    [EnumMember(Value = "2d")] TwoD,
}

public static class CohortModes
{
    private static readonly IReadOnlyDictionary<CohortMode, string> Texts = Enum.GetValues<CohortMode>()
        .ToDictionary(m => m, m => typeof(CohortMode).GetField(m.ToString())!.GetCustomAttribute<EnumMemberAttribute>()!.Value!);

    public static string Text(this CohortMode mode) => Texts[mode];

    /// <summary>2 for slices, 3 for volumes: the models' convolutions.</summary>
    public static int SpatialDims(this CohortMode mode) => mode == CohortMode.TwoD ? 2 : 3;

    /// <summary>The mode a file records; <paramref name="source"/> (file and field) is named when it is neither.</summary>
    public static CohortMode Parse(string? text, string source) =>
        Texts.FirstOrDefault(t => t.Value == text) is { Value: not null } match
            ? match.Key
            : throw new InputException($"{source}: mode is '{text}', expected one of {string.Join(", ", Texts.Values.Select(v => $"\"{v}\""))}");
}
