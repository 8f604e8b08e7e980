using MriTransfer.Cohorts;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

public class QcSelectionTests
{
    /// <summary>A class of <paramref name="patients"/> patients, every patient scanned twice (p07 → sub-p07-a, sub-p07-b).</summary>
    private static List<CohortSubject> Cohort(string label, int patients) =>
        Enumerable.Range(0, patients).SelectMany(p => new[] { "a", "b" }.Select(scan =>
            new CohortSubject($"{label}-p{p:00}-{scan}", $"{label}-p{p:00}-{scan}.nii.gz", label, $"{label}-p{p:00}"))).ToList();

    private static string Patient(string subjectId) => subjectId[..^2];

    [Fact]
    public void Given_patients_with_two_scans_when_qc_subjects_are_chosen_then_no_two_tiles_of_a_class_show_one_patient()
    {
        var subjects = Cohort("glioma", 12).Concat(Cohort("pituitary", 3)).ToList();

        var chosen = QcSelection.Choose(subjects, perClass: 3, seed: 42);

        Assert.Equal(6, chosen.Count);
        Assert.Equal(6, chosen.Select(Patient).Distinct().Count());
    }

    [Fact]
    public void Given_a_large_class_when_qc_subjects_are_chosen_then_one_comes_from_each_equal_run_of_its_patients()
    {
        var subjects = Cohort("glioma", 40);

        var chosen = QcSelection.Choose(subjects, perClass: 4, seed: 42);

        // patients p00..p39 in four runs of ten: one tile from each
        var runs = chosen.Select(id => int.Parse(Patient(id)[^2..]) / 10).Order().ToList();
        Assert.Equal([0, 1, 2, 3], runs);
    }

    [Fact]
    public void Given_the_same_seed_and_a_reordered_manifest_when_qc_subjects_are_chosen_then_the_choice_is_the_same()
    {
        var subjects = Cohort("glioma", 30);

        var first = QcSelection.Choose(subjects, perClass: 5, seed: 7);
        var reordered = QcSelection.Choose(Enumerable.Reverse(subjects).ToList(), perClass: 5, seed: 7);

        Assert.Equal(first.Order(), reordered.Order());
    }

    [Fact]
    public void Given_other_seeds_when_qc_subjects_are_chosen_then_the_draw_changes_and_is_not_the_first_names()
    {
        var subjects = Cohort("glioma", 30);
        var firstNames = subjects.Select(s => s.SubjectId).Order(StringComparer.Ordinal).Take(5).ToHashSet();

        var draws = Enumerable.Range(0, 5).Select(seed => string.Join(",", QcSelection.Choose(subjects, perClass: 5, seed).Order())).ToList();

        Assert.True(draws.Distinct().Count() > 1, "five seeds gave the same five subjects");
        Assert.All(draws, d => Assert.NotEqual(string.Join(",", firstNames.Order()), d));
    }

    [Fact]
    public void Given_fewer_patients_than_tiles_when_qc_subjects_are_chosen_then_every_patient_is_shown_and_their_other_scans_fill_in()
    {
        var subjects = Cohort("pituitary", 2);

        var chosen = QcSelection.Choose(subjects, perClass: 3, seed: 42);

        Assert.Equal(3, chosen.Count);
        Assert.Equal(["pituitary-p00", "pituitary-p01"], chosen.Select(Patient).Distinct().Order());
    }

    [Fact]
    public void Given_a_class_smaller_than_its_tiles_when_qc_subjects_are_chosen_then_all_of_it_is_shown()
    {
        var subjects = Cohort("pituitary", 1);

        Assert.Equal(subjects.Select(s => s.SubjectId).Order(), QcSelection.Choose(subjects, perClass: 6, seed: 42).Order());
    }
}
