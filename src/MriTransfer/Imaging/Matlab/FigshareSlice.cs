namespace MriTransfer.Imaging.Matlab;

/// <summary>
/// What a Figshare brain-tumour slice (Cheng et al., MATLAB struct <c>cjdata</c>) says about itself besides its pixels:
/// its tumour class and the patient it comes from.
/// </summary>
/// <param name="LabelCode">/cjdata/label: 1, 2 or 3.</param>
/// <param name="PatientId">/cjdata/PID decoded from its uint16 character codes.</param>
public sealed record FigshareSlice(int LabelCode, string PatientId)
{
    /// <summary>The set's label codes and the class names the pipeline gives them.</summary>
    public static readonly IReadOnlyDictionary<int, string> ClassNames = new Dictionary<int, string>
    {
        [1] = "meningioma", [2] = "glioma", [3] = "pituitary",
    };

    public string Label => ClassNames[LabelCode];

    /// <summary>"1 (meningioma), 2 (glioma) or 3 (pituitary)", for messages.</summary>
    public static string Expected => "1 (meningioma), 2 (glioma) or 3 (pituitary)";
}
