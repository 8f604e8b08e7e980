using MriTransfer.Cohorts.Splitting;
using MriTransfer.Preprocessing;
using Pipeline.StageKit;

/// <summary>
/// Binds the Preprocess params: <c>preprocess.*</c> (shared by both cohorts) and the cohort's own group, the one of
/// <c>preprocess_ad</c> / <c>preprocess_bt</c> that build/ declared for this instance (AD: role, val_fraction; BT: also
/// test_fraction and label_fractions). Every key, its range and meaning: the schema in build/ (stages/Preprocess/README.md).
/// </summary>
internal static class PreprocessBinding
{
    public static (PreprocessSettings Preprocess, SplitSettings Split) Bind(StageParams p)
    {
        var preprocess = p.Bind<PreprocessSettings>("preprocess");
        int folds = p.Get<int>("preprocess.k_folds"), seed = p.Get<int>("preprocess.seed");
        var split = p.Has("preprocess_bt")
            ? new SplitSettings(p.Get<CohortRole>("preprocess_bt.role"), p.Get<double>("preprocess_bt.val_fraction"),
                p.Get<double>("preprocess_bt.test_fraction"), folds, seed, p.Get<double[]>("preprocess_bt.label_fractions"))
            : new SplitSettings(p.Get<CohortRole>("preprocess_ad.role"), p.Get<double>("preprocess_ad.val_fraction"), 0, folds, seed, []);
        return (preprocess, split);
    }
}
