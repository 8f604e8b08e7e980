using System.Globalization;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Preprocessing;
using Pipeline.Errors;
using Pipeline.StageKit;

/// <summary>
/// Binds params to settings. The cohort's own prefix is the one `preprocess_*` key with a `.role` child
/// (e.g. `preprocess_bt.role: bt`); every other key is read from that prefix first, then from the shared
/// `preprocess.` prefix, then takes its default. All problems are reported together.
/// </summary>
internal static class PreprocessParams
{
    public static (PreprocessSettings, SplitSettings) Read(StageParams p)
    {
        var prefixes = p.Keys.Where(k => k.StartsWith("preprocess_", StringComparison.Ordinal) && k.EndsWith(".role", StringComparison.Ordinal))
            .Select(k => k[..^".role".Length]).Where(k => !k.Contains('.')).ToList();
        if (prefixes.Count != 1)
            throw new InputException($"params: expected exactly one cohort role key such as `preprocess_bt.role: bt` or `preprocess_ad.role: ad`, found {prefixes.Count} ({string.Join(", ", prefixes)})");
        var problems = new List<string>();
        var reader = new Reader(p, prefixes[0], problems);

        var role = reader.Choice("role", null, ("ad", CohortRole.Ad), ("bt", CohortRole.Bt));
        var clip = reader.Doubles("clip_percentiles", [0.5, 99.5], 2);
        var preprocess = new PreprocessSettings
        {
            Mode = reader.Choice("mode", CohortMode.ThreeD, ("3d", CohortMode.ThreeD), ("2d", CohortMode.TwoD)),
            TargetShape = reader.Ints("target_shape", [64, 64, 64], 3),
            TargetSpacing = reader.Doubles("target_spacing", [3.0, 3.0, 3.0], 3),
            SliceShape = reader.Ints("slice_shape", [128, 128], 2),
            Slices = reader.Int("slices", 16),
            Foreground = reader.Choice("foreground", ForegroundMethod.Fraction, ("fraction", ForegroundMethod.Fraction), ("otsu", ForegroundMethod.Otsu)),
            ForegroundFraction = reader.Double("foreground_fraction", 0.1),
            CropMargin = reader.Int("crop_margin", 2),
            Normalization = reader.Choice("normalize", NormalizationMethod.ZScore, ("zscore", NormalizationMethod.ZScore), ("minmax", NormalizationMethod.MinMax)),
            ClipLowPercent = clip[0],
            ClipHighPercent = clip[^1],
            Workers = reader.Int("workers", 2),
            QcSubjectsPerClass = reader.Int("qc_per_class", 6),
            NearDuplicateDistance = reader.Int("near_duplicate_distance", 4),
        };
        var split = new SplitSettings
        {
            Role = role,
            ValFraction = reader.Double("val_fraction", 0.15),
            TestFraction = reader.Double("test_fraction", role == CohortRole.Bt ? 0.15 : 0),
            KFolds = reader.Int("k_folds", 0),
            Seed = reader.Int("seed", 42),
            LabelFractions = reader.Doubles("label_fractions", [0.1, 0.25, 0.5, 1.0], null),
        };
        problems.AddRange(preprocess.Validate().Concat(split.Validate()).Select(m => $"params ({prefixes[0]} / preprocess): {m}"));
        if (problems.Count > 0) throw new InputException(problems);
        return (preprocess, split);
    }

    private sealed class Reader(StageParams p, string prefix, List<string> problems)
    {
        private string? KeyOf(string name) =>
            p.Has($"{prefix}.{name}") ? $"{prefix}.{name}" : p.Has($"preprocess.{name}") ? $"preprocess.{name}" : null;

        private T Parse<T>(string name, T fallback, Func<string, T> read, string expected)
        {
            var key = KeyOf(name);
            if (key is null) return fallback;
            try { return read(key); }
            catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException or InvalidCastException)
            {
                problems.Add($"params: {key} must be {expected}");
                return fallback;
            }
        }

        public int Int(string name, int fallback) => Parse(name, fallback, p.GetInt, "an integer");
        public double Double(string name, double fallback) => Parse(name, fallback, p.GetDouble, "a number");

        public int[] Ints(string name, int[] fallback, int count) =>
            Check(name, Parse(name, fallback, k => p.GetIntList(k).ToArray(), $"a list of {count} integers"), fallback, count);

        public double[] Doubles(string name, double[] fallback, int? count) =>
            Check(name, Parse(name, fallback, k => p.GetDoubleList(k).ToArray(), "a list of numbers"), fallback, count);

        public T Choice<T>(string name, T? fallback, params (string Text, T Value)[] options) where T : struct
        {
            var key = KeyOf(name);
            var allowed = string.Join(" | ", options.Select(o => o.Text));
            if (key is null)
            {
                if (fallback is null) problems.Add($"params: {prefix}.{name} is required ({allowed})");
                return fallback ?? options[0].Value;
            }
            var text = Parse(name, "", p.GetString, allowed).Trim().ToLowerInvariant();
            foreach (var option in options)
                if (option.Text == text) return option.Value;
            problems.Add($"params: {key} must be one of {allowed}, got '{text}'");
            return fallback ?? options[0].Value;
        }

        private T[] Check<T>(string name, T[] values, T[] fallback, int? count)
        {
            if (count is null || values.Length == count) return values;
            problems.Add($"params: {KeyOf(name)} must have {count} entries, got {values.Length}");
            return fallback;
        }
    }
}
