namespace MriTransfer.Cohorts;

/// <summary>How a cohort folder without a manifest is turned into subjects.</summary>
public sealed record CohortDiscoveryOptions
{
    public static readonly CohortDiscoveryOptions Default = new();

    /// <summary>
    /// Multi-modal datasets (BraTS: case/case_t1.nii.gz, _t1ce, _t2, _flair, _seg): only image files whose name ends with
    /// this before the extension are subjects (e.g. "_t1ce"), and the case folder holding them is the patient.
    /// Null or empty: every image file is a subject (params key preprocess.modality_suffix).
    /// </summary>
    public string? ModalitySuffix { get; init; }

    public bool HasModalitySuffix => !string.IsNullOrEmpty(ModalitySuffix);
}
