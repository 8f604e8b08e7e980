using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Tests.Imaging;

namespace MriTransfer.Tests.Cohorts;

/// <summary>A folder of Figshare-style MATLAB v7.3 slices (written by <see cref="TestMatFiles"/>) is a cohort by itself.</summary>
public sealed class FigshareDiscoveryTests : IDisposable
{
    private const int PatientsPerClass = 6, SlicesPerPatient = 3;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Writes 1.mat … n.mat (labels 1-3, PIDs "P&lt;label&gt;&lt;patient&gt;", 3 slices each) into two sub-folders like the
    /// download; returns each file number's patient index (0-based over all patients), for fold assignments.
    /// </summary>
    private int[] WriteSet()
    {
        var patientOf = new List<int>();
        var number = 1;
        for (var label = 1; label <= 3; label++)
            for (var p = 0; p < PatientsPerClass; p++)
                for (var s = 0; s < SlicesPerPatient; s++, number++)
                {
                    var image = new short[6, 5];
                    for (var i = 0; i < image.Length; i++) image[i / 5, i % 5] = (short)(number * 31 + i * 7);
                    var folder = number <= 27 ? "brainTumorDataPublic_1-27" : "brainTumorDataPublic_28-54";
                    Directory.CreateDirectory(_temp.File(folder));
                    TestMatFiles.Figshare(_temp.File($"{folder}/{number}.mat"), image, label, $"P{label}{p:D2}", "int16");
                    patientOf.Add((label - 1) * PatientsPerClass + p);
                }
        return patientOf.ToArray();
    }

    [Fact]
    public void Given_a_folder_of_Figshare_mat_files_When_loaded_Then_labels_are_named_and_the_PID_is_the_patient()
    {
        WriteSet();

        var subjects = CohortSource.Load(_temp.Path);

        Assert.Equal(3 * PatientsPerClass * SlicesPerPatient, subjects.Count);
        var first = subjects.Single(s => s.SubjectId == "brainTumorDataPublic_1-27-1");
        Assert.Equal(("meningioma", "P100"), (first.Label, first.PatientId));
        var last = subjects.Single(s => s.SubjectId == "brainTumorDataPublic_28-54-54");
        Assert.Equal(("pituitary", "P305"), (last.Label, last.PatientId));
        Assert.Equal(["glioma", "meningioma", "pituitary"], subjects.Select(s => s.Label).Distinct().Order());
        Assert.All(subjects, s => Assert.Null(s.PredefinedSplit));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Given_a_Figshare_cohort_When_split_Then_no_patient_is_in_two_splits(int seed)
    {
        WriteSet();
        var subjects = CohortSource.Load(_temp.Path);

        var splits = SubjectSplitter.Split(subjects, TestSettings.BtSplit with { ValFraction = 0.2, TestFraction = 0.2, Seed = seed });

        Assert.All(splits.GroupBy(a => a.PatientId), patient => Assert.Single(patient.Select(a => a.Split).Distinct()));
        Assert.Equal(3, splits.Select(a => a.Split).Distinct().Count());
    }

    [Theory]
    [InlineData("v73")]
    [InlineData("v5")]
    [InlineData("v5-compressed")]
    public void Given_the_sets_cvind_mat_When_loaded_Then_the_last_fold_is_the_predefined_test_split(string format)
    {
        var patientOf = WriteSet();
        var folds = patientOf.Select(p => p % 5 + 1).ToArray(); // folds by patient, as the set's cvind.mat is
        var cvind = _temp.File(FigshareDiscovery.FoldsFile);
        if (format == "v73") TestMatFiles.Cvind(cvind, folds);
        else TestMatFiles.CvindV5(cvind, folds, compressed: format == "v5-compressed");

        var subjects = CohortSource.Load(_temp.Path);
        var splits = SubjectSplitter.Split(subjects, TestSettings.BtSplit with { ValFraction = 0.2, TestFraction = 0.2 });

        var bySubject = subjects.ToDictionary(s => s.SubjectId);
        for (var n = 1; n <= folds.Length; n++)
        {
            var subject = bySubject.Single(s => s.Key.EndsWith($"-{n}", StringComparison.Ordinal)).Value;
            Assert.Equal(folds[n - 1] == 5 ? "test" : "train", subject.PredefinedSplit);
        }
        Assert.All(splits, a => Assert.Equal(folds[int.Parse(a.SubjectId.Split('-')[^1]) - 1] == 5, a.Split == SplitNames.Test));
        Assert.All(splits.GroupBy(a => a.PatientId), patient => Assert.Single(patient.Select(a => a.Split).Distinct()));
    }

    [Fact]
    public void Given_a_cvind_mat_and_an_image_not_named_by_its_number_When_loaded_Then_the_problem_names_the_file()
    {
        var patientOf = WriteSet();
        TestMatFiles.Cvind(_temp.File(FigshareDiscovery.FoldsFile), patientOf.Select(p => p % 5 + 1).ToArray());
        File.Move(_temp.File("brainTumorDataPublic_1-27/3.mat"), _temp.File("brainTumorDataPublic_1-27/extra.mat"));

        var e = Assert.Throws<CohortManifestException>(() => CohortSource.Load(_temp.Path));

        Assert.Contains("extra.mat", Assert.Single(e.Problems));
        Assert.Contains("move cvind.mat away to split randomly by patient", e.Problems[0]);
    }

    [Fact]
    public void Given_slices_with_bad_labels_When_loaded_Then_every_bad_file_is_reported_at_once()
    {
        WriteSet();
        TestMatFiles.Figshare(_temp.File("brainTumorDataPublic_1-27/2.mat"), new short[2, 2], 4, "P100", "int16");
        TestMatFiles.Figshare(_temp.File("brainTumorDataPublic_1-27/5.mat"), new short[2, 2], 0, "P101", "int16");

        var e = Assert.Throws<CohortManifestException>(() => CohortSource.Load(_temp.Path));

        Assert.Equal(2, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.EndsWith("2.mat: /cjdata/label is 4, expected 1 (meningioma), 2 (glioma) or 3 (pituitary)", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.EndsWith("5.mat: /cjdata/label is 0, expected 1 (meningioma), 2 (glioma) or 3 (pituitary)", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_Figshare_cohort_When_near_duplicates_are_searched_Then_every_slice_is_read()
    {
        WriteSet();
        var subjects = CohortSource.Load(_temp.Path);

        var groups = NearDuplicateFinder.Find(subjects, maxDistance: 0, threads: 2);

        Assert.All(groups.SelectMany(g => g), id => Assert.Contains(subjects, s => s.SubjectId == id));
    }

    [Fact]
    public void Given_an_unreadable_image_When_near_duplicates_are_searched_Then_the_problem_names_it_instead_of_crashing()
    {
        WriteSet();
        var subjects = CohortSource.Load(_temp.Path);
        File.WriteAllText(subjects[4].Path, "not a MAT-file");

        var e = Assert.Throws<CohortManifestException>(() => NearDuplicateFinder.Find(subjects, threads: 2));

        Assert.StartsWith($"subject {subjects[4].SubjectId}: {subjects[4].Path}: is not a MATLAB v7.3 MAT-file", Assert.Single(e.Problems));
    }
}
