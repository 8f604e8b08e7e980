using System.Globalization;
using Pipeline.Errors;

namespace MriTransfer.Cohorts.Synthetic;

/// <summary>
/// Settings of the synthetic AD and BT cohorts (params keys synthesize.*). Build with <see cref="Parse"/>,
/// which checks every value and reports all problems together.
/// </summary>
public sealed record SyntheticCohortSettings
{
    public int Seed { get; init; } = 20251126;
    public int AdSubjects { get; init; } = 120;
    public int BtSubjects { get; init; } = 40;
    public int[] Shape { get; init; } = [64, 64, 64];
    public double SpacingMm { get; init; } = 3.0;
    /// <summary>0 = large, high-contrast tumours; 1 = small, faint ones (also applied to nothing else).</summary>
    public double Difficulty { get; init; } = 0.5;
    /// <summary>Rician noise SD relative to white-matter intensity.</summary>
    public double Noise { get; init; } = 0.04;
    /// <summary>Bias field strength (roughly the ± fraction of intensity across the head).</summary>
    public double BiasField { get; init; } = 0.2;
    public double MaxRotationDeg { get; init; } = 6;
    public double MaxShiftMm { get; init; } = 4;
    /// <summary>Fraction of BT patients scanned twice (two subjects sharing a patient_id).</summary>
    public double BtRepeatFraction { get; init; } = 0.25;
    /// <summary>Write .nii.gz (true) or .nii (false).</summary>
    public bool Compress { get; init; } = true;
    /// <summary>
    /// Optional head image used as every subject's anatomy instead of the procedural layers (see <see cref="HeadTemplate"/>).
    /// Not a params key: the stage takes it as <c>--input template=&lt;file&gt;</c> so its content is part of the fingerprint.
    /// </summary>
    public string? TemplatePath { get; init; }
    /// <summary>Worker threads for generation; 0 = all cores. Does not change the output.</summary>
    public int Threads { get; init; }

    /// <summary>Every key Parse understands (without the "synthesize." prefix), with its allowed range.</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["seed"] = "integer", ["ad_subjects"] = "integer 3..100000", ["bt_subjects"] = "integer 4..100000",
        ["shape"] = "three integers 16..512 (or one for a cube)", ["spacing_mm"] = "number 0.5..10",
        ["difficulty"] = "number 0..1", ["noise"] = "number 0..0.5", ["bias_field"] = "number 0..1",
        ["max_rotation_deg"] = "number 0..30", ["max_shift_mm"] = "number 0..20",
        ["bt_repeat_fraction"] = "number 0..1", ["compress"] = "true or false", ["threads"] = "integer 0..256",
    };

    /// <summary>
    /// Builds settings from flat values ("ad_subjects" → "120"; lists as "64,64,64"); missing keys keep defaults.
    /// Throws <see cref="InputException"/> listing every problem.
    /// </summary>
    public static SyntheticCohortSettings Parse(IReadOnlyDictionary<string, string> values, string prefix = "synthesize.")
    {
        var problems = new List<string>();
        var s = new SyntheticCohortSettings();
        foreach (var key in values.Keys.Where(k => !Keys.ContainsKey(k)))
            problems.Add($"{prefix}{key}: unknown key; known keys: {string.Join(", ", Keys.Keys)}");

        T Get<T>(string key, T fallback, Func<string, T> parse, Func<T, bool> ok)
        {
            if (!values.TryGetValue(key, out var text)) return fallback;
            try
            {
                var value = parse(text.Trim());
                if (ok(value)) return value;
            }
            catch (FormatException) { }
            catch (OverflowException) { }
            problems.Add($"{prefix}{key}: '{text}' is not valid; expected {Keys[key]}");
            return fallback;
        }
        static int Int(string t) => int.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture);
        static double Num(string t) => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture);
        static int[] Shape3(string t)
        {
            var parts = t.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Int).ToArray();
            return parts.Length == 1 ? [parts[0], parts[0], parts[0]] : parts;
        }

        s = s with
        {
            Seed = Get("seed", s.Seed, Int, _ => true),
            AdSubjects = Get("ad_subjects", s.AdSubjects, Int, v => v is >= 3 and <= 100000),
            BtSubjects = Get("bt_subjects", s.BtSubjects, Int, v => v is >= 4 and <= 100000),
            Shape = Get("shape", s.Shape, Shape3, v => v.Length == 3 && v.All(n => n is >= 16 and <= 512)),
            SpacingMm = Get("spacing_mm", s.SpacingMm, Num, v => v is >= 0.5 and <= 10),
            Difficulty = Get("difficulty", s.Difficulty, Num, v => v is >= 0 and <= 1),
            Noise = Get("noise", s.Noise, Num, v => v is >= 0 and <= 0.5),
            BiasField = Get("bias_field", s.BiasField, Num, v => v is >= 0 and <= 1),
            MaxRotationDeg = Get("max_rotation_deg", s.MaxRotationDeg, Num, v => v is >= 0 and <= 30),
            MaxShiftMm = Get("max_shift_mm", s.MaxShiftMm, Num, v => v is >= 0 and <= 20),
            BtRepeatFraction = Get("bt_repeat_fraction", s.BtRepeatFraction, Num, v => v is >= 0 and <= 1),
            Compress = Get("compress", s.Compress, t => bool.Parse(t), _ => true),
            Threads = Get("threads", s.Threads, Int, v => v is >= 0 and <= 256),
        };
        if (problems.Count > 0) throw new InputException(problems);
        return s;
    }

    /// <summary>Field of view in mm along each axis (the default 64 × 3 mm = 192 mm holds the ~172 mm head).</summary>
    public double[] FieldOfViewMm => Shape.Select(n => n * SpacingMm).ToArray();
}
