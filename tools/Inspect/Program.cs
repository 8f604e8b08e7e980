using System.Text.Json;
using MriTransfer.Cohorts;
using MriTransfer.Imaging;

// Usage:
//   Inspect <image file (NIfTI, Analyze 7.5, MetaImage, PNG/JPEG/BMP, Figshare .mat) or DICOM folder> [--volume N] [--allow-nonfinite]
//                                                                      → JSON: format, shape, spacing, affine, orientation, statistics
//   Inspect duplicates <manifest.csv | cohort folder> [--max-distance N] → JSON: groups of near-duplicate subject ids
var json = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal) || args[i - 1] == "--allow-nonfinite")).ToList();
if (positional.Count == 0)
{
    Console.Error.WriteLine("usage: Inspect <image file or DICOM folder> [--volume N] [--allow-nonfinite] | Inspect duplicates <manifest.csv or cohort folder> [--max-distance N]");
    return 2;
}
try
{
    if (positional[0] == "duplicates" && positional.Count == 2)
    {
        var subjects = CohortSource.Load(positional[1]);
        var groups = NearDuplicateFinder.Find(subjects, int.Parse(Option("--max-distance") ?? NearDuplicateFinder.DefaultMaxDistance.ToString()));
        Console.WriteLine(JsonSerializer.Serialize(new { subjects = subjects.Count, groups }, json));
        return 0;
    }
    var options = new VolumeReadOptions { VolumeIndex = Option("--volume") is { } v ? int.Parse(v) : null, AllowNonFinite = args.Contains("--allow-nonfinite") };
    Console.WriteLine(JsonSerializer.Serialize(VolumeInspection.Of(positional[0], options), json));
    return 0;
}
catch (Exception e) when (e is ImageReadException or CohortManifestException or FormatException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}
