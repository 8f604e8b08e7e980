namespace MriTransfer.Cohorts.Synthetic;

/// <summary>One planned scan of a synthetic cohort: its manifest row and how to render it.</summary>
public sealed record SyntheticScan(
    string SubjectId, string PatientId, string Label, int Age, string Sex, string Site, PhantomSubject Phantom,
    double Severity = 0);
