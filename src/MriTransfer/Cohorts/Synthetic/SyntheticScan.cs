namespace MriTransfer.Cohorts.Synthetic;

/// <summary>One planned scan of a synthetic cohort: its manifest row and how to render it.</summary>
/// <param name="Split">the predefined split written to the manifest ("train" / "test"), or null for none.</param>
public sealed record SyntheticScan(
    string SubjectId, string PatientId, string Label, int Age, string Sex, string Site, PhantomSubject Phantom,
    double Severity = 0, string? Split = null);
