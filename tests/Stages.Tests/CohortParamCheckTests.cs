using System.Reflection;
using Pipeline.Engine;

namespace Stages.Tests;

/// <summary>The cohort checks build/ runs with params validation, so `--dry-run` catches a cohort that cannot work.</summary>
public sealed class CohortParamCheckTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IEnumerable<string> Problems(string bt)
    {
        var build = Repository.NewBuild();
        var checks = (ParamCheck[])build.GetType().GetField("PreprocessChecks", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;
        var values = new ParamValues(new Dictionary<string, ParamValue>
        {
            ["data.bt"] = new(ParamType.String, bt), ["data.ad"] = new(ParamType.String, ""), ["preprocess.k_folds"] = new(ParamType.Int, 0L),
        });
        return checks.SelectMany(c => c.Problems(values)).ToList();
    }

    [Fact]
    public void A_one_class_BT_manifest_is_refused_by_params_validation()
    {
        var manifest = _temp.File("manifest.csv");
        File.WriteAllLines(manifest, ["subject_id,path,label", "s1,a.nii.gz,glioma", "s2,b.nii.gz,glioma", "s3,c.nii.gz,glioma"]);

        Assert.Contains(Problems(manifest), p => p.Contains("the cohort has one class ('glioma', 3 subjects); the BT classifiers need at least 2 classes"));
    }

    [Fact]
    public void A_class_too_small_for_the_BT_split_and_an_empty_class_folder_are_refused_by_params_validation()
    {
        foreach (var (folder, count) in new[] { ("glioma", 3), ("pituitary", 1) })
            for (var i = 0; i < count; i++)
            {
                Directory.CreateDirectory(_temp.File(folder));
                File.WriteAllBytes(_temp.File($"{folder}/{i}.png"), [1]);
            }
        Directory.CreateDirectory(_temp.File("meningioma"));

        var problems = Problems(_temp.Path);

        Assert.Contains(problems, p => p.Contains("class folder meningioma/ holds no images"));
        Assert.Contains(problems, p => p.Contains("class 'pituitary' has 1 subject(s); a stratified train/val/test split needs at least 3 per class"));
        Assert.DoesNotContain(problems, p => p.Contains("'glioma'"));
    }

    [Fact]
    public void An_empty_data_key_means_the_synthetic_cohort_and_is_not_checked() => Assert.Empty(Problems(""));
}
